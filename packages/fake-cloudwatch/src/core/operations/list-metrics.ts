import { modeled } from '../errors';
import { asObject, optArray, optString } from '../input';
import type { Scenario } from '../scenario/scenario';
import type { OperationContext } from './context';
import { decodeToken, encodeToken } from './paging';

const PAGE_SIZE = 500;
const THREE_HOURS = 3 * 3_600_000;

/** ListMetrics: exact namespace/name filters, dimension filters, RecentlyActive=PT3H, 500 per page. */
export function listMetrics(scenario: Scenario, ctx: OperationContext, pageSize = PAGE_SIZE): unknown {
  const { input: body, now } = ctx;
  const namespace = optString(body, 'Namespace');
  const metricName = optString(body, 'MetricName');
  const recentlyActive = optString(body, 'RecentlyActive');
  if (recentlyActive !== undefined && recentlyActive !== 'PT3H') {
    throw modeled.invalidParameterValue(
      `The value ${recentlyActive} for parameter RecentlyActive is not valid. The only valid value is PT3H.`,
    );
  }
  const filters = (optArray(body, 'Dimensions') ?? []).map((d, i) => {
    const f = asObject(d, `Dimensions.member.${i + 1}`);
    const name = optString(f, 'Name', `Dimensions.member.${i + 1}.Name`);
    if (!name) throw modeled.missingParameter(`The parameter Dimensions.member.${i + 1}.Name is required.`);
    return { name, value: optString(f, 'Value', `Dimensions.member.${i + 1}.Value`) };
  });
  if (filters.length > 10) {
    throw modeled.invalidParameterValue('The collection Dimensions must not have a size greater than 10.');
  }
  const fingerprint = JSON.stringify([namespace, metricName, filters, recentlyActive]);
  const token = optString(body, 'NextToken');
  let offset = 0;
  if (token !== undefined) {
    const decoded = decodeToken(token);
    if (decoded.f !== fingerprint || typeof decoded.o !== 'number') {
      throw modeled.invalidNextToken('The NextToken does not match the request it was issued for.');
    }
    offset = decoded.o;
  }
  const matching = scenario.metrics.filter((m) => {
    if (namespace !== undefined && m.id.namespace !== namespace) return false;
    if (metricName !== undefined && m.id.name !== metricName) return false;
    for (const f of filters) {
      const v = m.id.dimensions[f.name];
      if (v === undefined || (f.value !== undefined && v !== f.value)) return false;
    }
    if (recentlyActive === 'PT3H') {
      const r = m.resolution;
      const latest = Math.floor(now / r) * r - r;
      let active = false;
      for (let t = latest; t >= now - THREE_HOURS && !active; t -= Math.max(r, 5 * 60_000)) {
        active = m.sample(t) !== undefined;
      }
      if (!active) return false;
    }
    return true;
  });
  const page = matching.slice(offset, offset + pageSize);
  const next =
    offset + pageSize < matching.length ? encodeToken({ f: fingerprint, o: offset + pageSize }) : undefined;
  return {
    Metrics: page.map((m) => ({
      Namespace: m.id.namespace,
      MetricName: m.id.name,
      Dimensions: Object.entries(m.id.dimensions).map(([Name, Value]) => ({ Name, Value })),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}
