import type { ParamCodec } from './codec';
import { quoteParam } from './codec';
import { rangeCodec } from './range-param';
import { looksLikeSecret } from './secrets';
import {
  type Comparison,
  compareCodec,
  decodeVariable,
  dimensionCodec,
  filterCodec,
  type KpiSort,
  sortCodec,
  type TimeZoneChoice,
  tzCodec,
  VAR_PREFIX,
} from './view-params';

/** Parameters that belong to the running app, not to the view: read elsewhere, never reported, never shared. */
const APP_PARAMS = new Set(['fault']);

/** What defines a dashboard view in the address; absent fields mean the dashboard's defaults. */
export interface DashboardSearch {
  /** Canonical range text: now-6h or <ISO start>/<ISO end>. */
  range?: string;
  tz?: TimeZoneChoice;
  variables: Record<string, string>;
  /** Text filter on KPI titles. */
  q?: string;
  sort?: KpiSort;
  /** Parameters that were present but could not be used (or were clamped), in words, for a non-blocking notice. */
  ignored: string[];
}

/** The drill-down adds a comparison and a breakdown dimension to the dashboard's view. */
export interface DrilldownSearch extends DashboardSearch {
  compare?: Comparison;
  by?: string;
}

type ViewKey = 'range' | 'tz' | 'q' | 'sort' | 'compare' | 'by';

const textCodec = <T>(codec: ParamCodec<T>, toText: (v: T) => string) => ({
  decode: (raw: string) => {
    const d = codec.decode(raw);
    return d.ok ? { ...d, value: toText(d.value) } : d;
  },
});

const DECODERS: Record<ViewKey, { decode: (raw: string) => ReturnType<ParamCodec<string>['decode']> }> = {
  range: textCodec(rangeCodec, rangeCodec.encode),
  tz: tzCodec,
  q: filterCodec,
  sort: sortCodec,
  compare: compareCodec,
  by: dimensionCodec,
};

const DASHBOARD_KEYS: readonly ViewKey[] = ['range', 'tz', 'q', 'sort'];
const DRILLDOWN_KEYS: readonly ViewKey[] = ['range', 'tz', 'compare', 'by'];

function decodeView(search: Record<string, string>, keys: readonly ViewKey[]): DrilldownSearch {
  const out: DrilldownSearch = { variables: {}, ignored: [] };
  const fields = out as unknown as Record<ViewKey, string | undefined>;
  for (const [key, raw] of Object.entries(search)) {
    if (APP_PARAMS.has(key)) continue;
    if (looksLikeSecret(key) || looksLikeSecret(String(raw))) {
      out.ignored.push(
        `a parameter that looks like a credential or token was dropped; it is never kept or shared`,
      );
      continue;
    }
    if ((keys as readonly string[]).includes(key)) {
      const decoded = DECODERS[key as ViewKey].decode(String(raw));
      if (decoded.ok) fields[key as ViewKey] = decoded.value;
      if (decoded.notice) out.ignored.push(decoded.notice);
    } else if (key.startsWith(VAR_PREFIX)) {
      const variable = decodeVariable(key, String(raw));
      if ('notice' in variable) out.ignored.push(variable.notice);
      else out.variables[variable.name] = variable.value;
    } else {
      out.ignored.push(`unknown parameter ${quoteParam(key)}`);
    }
  }
  if (out.tz === 'local') delete out.tz;
  return out;
}

/** Reads the dashboard view from the URL; anything malformed is dropped and reported, never thrown. */
export function decodeDashboardSearch(search: Record<string, string>): DashboardSearch {
  return decodeView(search, DASHBOARD_KEYS);
}

/** Reads the drill-down view from the URL, with the same rules as the dashboard's. */
export function decodeDrilldownSearch(search: Record<string, string>): DrilldownSearch {
  return decodeView(search, DRILLDOWN_KEYS);
}

/** Writes a view back to flat search params in a fixed order; defaults are left out so URLs stay short. */
export function encodeDrilldownSearch(view: Omit<DrilldownSearch, 'ignored'>): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.range) out.range = view.range;
  if (view.tz && view.tz !== 'local') out.tz = view.tz;
  for (const name of Object.keys(view.variables).sort()) {
    const value = view.variables[name];
    if (value !== undefined && value !== '') out[`${VAR_PREFIX}${name}`] = value;
  }
  if (view.q) out.q = view.q;
  if (view.sort) out.sort = view.sort;
  if (view.compare) out.compare = view.compare;
  if (view.by) out.by = view.by;
  return out;
}

/** Writes the dashboard view back to flat search params. */
export function encodeDashboardSearch(view: Omit<DashboardSearch, 'ignored'>): Record<string, string> {
  const { range, tz, variables, q, sort } = view;
  return encodeDrilldownSearch({
    variables,
    ...(range ? { range } : {}),
    ...(tz ? { tz } : {}),
    ...(q ? { q } : {}),
    ...(sort ? { sort } : {}),
  });
}

/** Same view: what the encoded addresses say, so key order and defaults never make two views differ. */
export function viewSearchEquals(
  a: Omit<DrilldownSearch, 'ignored'>,
  b: Omit<DrilldownSearch, 'ignored'>,
): boolean {
  const ea = encodeDrilldownSearch(a);
  const eb = encodeDrilldownSearch(b);
  const keys = new Set([...Object.keys(ea), ...Object.keys(eb)]);
  return [...keys].every((k) => ea[k] === eb[k]);
}

/** True when two views differ in the KPI filter alone: typing in it replaces the history entry, not adds one. */
export function onlyFilterChanged(
  a: Omit<DashboardSearch, 'ignored'>,
  b: Omit<DashboardSearch, 'ignored'>,
): boolean {
  return (a.q ?? '') !== (b.q ?? '') && viewSearchEquals({ ...a, q: undefined }, { ...b, q: undefined });
}
