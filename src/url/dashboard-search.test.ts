import { describe, expect, test } from 'vitest';
import { decodeDashboardSearch, encodeDashboardSearch } from './dashboard-search';
import { parseFlatSearch, stringifyFlatSearch } from './search-params';

describe('dashboard search params', () => {
  test('round-trips range and variables through a flat query string', () => {
    const view = { range: 'now-3h', variables: { env: 'staging' } };
    const text = stringifyFlatSearch(encodeDashboardSearch(view));
    expect(text).toBe('?range=now-3h&var-env=staging');
    const decoded = decodeDashboardSearch(parseFlatSearch(text));
    expect(decoded).toEqual({ ...view, ignored: [] });
  });

  test.each([
    ['?range=yesterday', "range 'yesterday' is not a relative range such as now-6h"],
    ['?range=now-6h;alert(1)', "range 'now-6h;alert(1)' is not a relative range such as now-6h"],
    ['?utm_source=x', "unknown parameter 'utm_source'"],
    ['?var-=x', "unknown parameter 'var-'"],
  ])('%s is ignored with a reason', (query, reason) => {
    const decoded = decodeDashboardSearch(parseFlatSearch(query));
    expect(decoded.range).toBeUndefined();
    expect(decoded.ignored).toEqual([reason]);
  });

  test('keeps the first of repeated parameters', () => {
    expect(parseFlatSearch('?range=now-1h&range=now-2h')).toEqual({ range: 'now-1h' });
  });
});
