import { describeSpan } from '../domain/time/duration';
import type { TimeRange } from '../domain/time/range';
import { type ParamCodec, quoteParam } from './codec';
import { rangeCodec } from './range-param';
import { REDACTED_VALUE } from './redact-address';
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
import {
  boardsCodec,
  ROTATE_DEFAULT_SECONDS,
  rotateCodec,
  themeCodec,
  tilesCodec,
  type WallTheme,
} from './wall-params';

/** The routes whose address holds a view: a desk dashboard (site or shared), a KPI's drill-down, the wall. */
export type ViewRoute = 'dashboard' | 'drilldown' | 'wall';

/** A dashboard's view as its address says it; absent fields mean the dashboard's defaults. */
export interface DashboardState {
  /** Checked (and clamped) by the range codec; absent means the dashboard file's `timeRange`. */
  range?: TimeRange;
  /** Absent means the browser's zone. */
  tz?: TimeZoneChoice;
  variables: Record<string, string>;
  /** Text filter on KPI titles. */
  q?: string;
  sort?: KpiSort;
}

/** A KPI's drill-down: the dashboard's range, zone and variables, a comparison and a breakdown dimension. */
export interface DrilldownState {
  range?: TimeRange;
  tz?: TimeZoneChoice;
  variables: Record<string, string>;
  compare?: Comparison;
  by?: string;
}

/** Everything a wall screen is told by its address; the screen's browser is pointed at one link and left. */
export interface WallState {
  /** Dashboard ids in rotation order; empty means every dashboard the site lists. */
  boards: string[];
  /** Seconds each board (or page of a board) stays on screen. */
  rotateSeconds: number;
  theme: WallTheme;
  /** The clock and update times in the browser's zone (default) or UTC. */
  tz: TimeZoneChoice;
  /** At most this many tiles on one page; absent means as many as fit readably. */
  tilesPerPage?: number;
  /** `status` puts breached and at-risk KPIs and outcomes first; `title` sorts tiles by name. */
  sort?: KpiSort;
  /** Only KPIs whose title contains this text. */
  q?: string;
  range?: TimeRange;
  variables: Record<string, string>;
}

interface ViewStates {
  dashboard: DashboardState;
  drilldown: DrilldownState;
  wall: WallState;
}

/** The typed view of one route. */
export type ViewState<R extends ViewRoute> = ViewStates[R];

/**
 * A decoded address: the route's view, and the parameters that were present but could not be used (or were
 * corrected), in words, for a non-blocking notice.
 */
export type DecodedView<R extends ViewRoute> = ViewStates[R] & { ignored: string[] };
export type DrilldownSearch = DecodedView<'drilldown'>;
export type WallSearch = DecodedView<'wall'>;

/** Every field of every route's view, so one table can say where each lives in the address. */
type AnyState = Partial<Omit<DashboardState & DrilldownState & WallState, 'variables'>> & {
  variables: Record<string, string>;
};
type Field = Exclude<keyof AnyState, 'variables'>;

interface FieldParam<F extends Field> {
  /** The parameter's name in the address. */
  key: string;
  field: F;
  codec: ParamCodec<NonNullable<AnyState[F]>>;
  /** The routes that read it; on any other route it is an unknown parameter. */
  routes: readonly ViewRoute[];
  /** What the view means when the address is silent; never written into an address. */
  fallback?: NonNullable<AnyState[F]>;
  /** Routes whose view always holds the field, set to the fallback when the address is silent. */
  filled?: readonly ViewRoute[];
  /** Said after the codec's reason when the value is dropped, e.g. what is used instead. */
  dropped?: string;
  /** Tidies the text before the codec reads it. */
  normalize?: (raw: string) => string;
}

interface PrefixParam {
  /** `var-<name>=<value>`: one dashboard variable per parameter. */
  prefix: string;
  routes: readonly ViewRoute[];
}

type ViewParam = { [F in Field]: FieldParam<F> }[Field] | PrefixParam;

const ALL: readonly ViewRoute[] = ['dashboard', 'drilldown', 'wall'];

/**
 * Every parameter a view has, in the order they are written; which routes read it, and its codec. A
 * parameter not here (nor an app parameter) is reported as unknown.
 */
const VIEW_PARAMS: readonly ViewParam[] = [
  { key: 'boards', field: 'boards', codec: boardsCodec, routes: ['wall'], fallback: [], filled: ['wall'] },
  {
    key: 'rotate',
    field: 'rotateSeconds',
    codec: rotateCodec,
    routes: ['wall'],
    fallback: ROTATE_DEFAULT_SECONDS,
    filled: ['wall'],
    dropped: `rotating every ${describeSpan(ROTATE_DEFAULT_SECONDS)}`,
  },
  { key: 'tiles', field: 'tilesPerPage', codec: tilesCodec, routes: ['wall'] },
  {
    key: 'theme',
    field: 'theme',
    codec: themeCodec,
    routes: ['wall'],
    fallback: 'dark',
    filled: ['wall'],
    normalize: (raw) => raw.toLowerCase(),
  },
  { key: 'range', field: 'range', codec: rangeCodec, routes: ALL },
  { key: 'tz', field: 'tz', codec: tzCodec, routes: ALL, fallback: 'local', filled: ['wall'] },
  { prefix: VAR_PREFIX, routes: ALL },
  { key: 'q', field: 'q', codec: filterCodec, routes: ['dashboard', 'wall'] },
  { key: 'sort', field: 'sort', codec: sortCodec, routes: ['dashboard', 'wall'] },
  { key: 'compare', field: 'compare', codec: compareCodec, routes: ['drilldown'] },
  { key: 'by', field: 'by', codec: dimensionCodec, routes: ['drilldown'] },
];

/** A table row with its value type erased, for the loops that treat every row alike. */
type Row = Omit<FieldParam<Field>, 'codec' | 'fallback'> & { codec: ParamCodec<unknown>; fallback?: unknown };
const ROWS = VIEW_PARAMS.filter((p): p is Exclude<ViewParam, PrefixParam> => 'key' in p) as readonly Row[];
const BY_KEY = new Map(ROWS.map((row) => [row.key, row]));
const VARIABLES = VIEW_PARAMS.find((p): p is PrefixParam => 'prefix' in p) as PrefixParam;

/** Parameters that belong to the running app, not to the view: read elsewhere, never reported, never shared. */
const APP_PARAMS = new Set(['fault']);

const SECRET_NOTICE =
  'a parameter that looks like a credential or token was dropped; it is never kept or shared';

/**
 * Bounds on what one address is read for, applied before any parameter is looked at: no view parameter
 * comes near 2,048 characters (a range is under 60, `q` is cut at 100, a variable at 255), a view has about
 * a dozen parameters, and a page says a dozen notices at most.
 */
export const URL_LIMITS = { paramChars: 2048, params: 64, notices: 12 } as const;

/** Keeps the first notices and says how many more there were, so a hostile address cannot flood the page. */
function boundNotices(ignored: string[]): string[] {
  if (ignored.length <= URL_LIMITS.notices) return ignored;
  const shown = ignored.slice(0, URL_LIMITS.notices - 1);
  return [...shown, `and ${ignored.length - shown.length} more problems with the address`];
}

/** The parameter names a route reads, in the order they are written (`var-*` for the variables). */
export function viewParamNames(route: ViewRoute): string[] {
  return VIEW_PARAMS.filter((p) => p.routes.includes(route)).map((p) =>
    'prefix' in p ? `${p.prefix}*` : p.key,
  );
}

/**
 * Reads a route's view from its address, once, into typed state; never throws. Anything malformed is
 * dropped (or clamped to the nearest sensible value) and said in `ignored`; a parameter that looks like a
 * credential is dropped without being quoted. `pathBoard` is the id in /wall/<id>, which wins over `boards`.
 */
export function decodeView<R extends ViewRoute>(
  route: R,
  search: Readonly<Record<string, string>>,
  context: { pathBoard?: string } = {},
): DecodedView<R> {
  const ignored: string[] = [];
  const state: AnyState = { variables: {} };
  const fields = state as Record<Field, unknown>;
  for (const row of ROWS) {
    if (row.filled?.includes(route)) fields[row.field] = row.fallback;
  }
  const pathBoard = route === 'wall' ? context.pathBoard : undefined;
  if (pathBoard !== undefined) {
    const decoded = boardsCodec.decode(pathBoard);
    if (decoded.ok) state.boards = decoded.value;
    if (decoded.notice) ignored.push(decoded.notice);
  }
  let read = 0;
  let skipped = 0;
  for (const key in search) {
    if (!Object.hasOwn(search, key)) continue;
    if (read >= URL_LIMITS.params) {
      skipped++;
      continue;
    }
    read++;
    const raw = String(search[key]);
    if (APP_PARAMS.has(key)) continue;
    if (key.length + raw.length > URL_LIMITS.paramChars) {
      // Not quoted: a blob this long may well be a credential.
      ignored.push(
        `a parameter of ${(key.length + raw.length).toLocaleString('en')} characters was dropped; at most ${URL_LIMITS.paramChars.toLocaleString('en')} are read`,
      );
      continue;
    }
    if (raw === REDACTED_VALUE || looksLikeSecret(key) || looksLikeSecret(raw)) {
      ignored.push(SECRET_NOTICE);
      continue;
    }
    const row = BY_KEY.get(key);
    if (row?.routes.includes(route)) {
      if (row.field === 'boards' && pathBoard !== undefined) {
        ignored.push(
          `boards ${quoteParam(raw)} is ignored: the address already names ${quoteParam(pathBoard)}`,
        );
        continue;
      }
      const decoded = row.codec.decode(row.normalize ? row.normalize(raw) : raw);
      if (decoded.ok) {
        const isFallback = row.fallback !== undefined && row.codec.equals(decoded.value, row.fallback);
        if (isFallback && !row.filled?.includes(route)) delete fields[row.field];
        else fields[row.field] = decoded.value;
      }
      if (decoded.notice) {
        ignored.push(!decoded.ok && row.dropped ? `${decoded.notice}; ${row.dropped}` : decoded.notice);
      }
    } else if (key.startsWith(VARIABLES.prefix) && VARIABLES.routes.includes(route)) {
      const variable = decodeVariable(key, raw);
      if ('notice' in variable) ignored.push(variable.notice);
      // defineProperty, so a variable called __proto__ is kept as data (and rejected by name), not taken as a prototype.
      else
        Object.defineProperty(state.variables, variable.name, {
          value: variable.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    } else {
      ignored.push(`unknown parameter ${quoteParam(key)}`);
    }
  }
  if (skipped > 0) {
    ignored.push(
      `the address has more than ${URL_LIMITS.params} parameters; ${skipped} after them were not read`,
    );
  }
  return { ...state, ignored: boundNotices(ignored) } as DecodedView<R>;
}

/**
 * Writes a view back to flat search params: only what `route` reads, in the table's order, with defaults left
 * out so URLs stay short. A view carried to another route (a dashboard's to its drill-down) keeps only what
 * that route understands.
 */
export function encodeView<R extends ViewRoute>(route: R, view: ViewState<R>): Record<string, string> {
  const fields = view as unknown as Partial<Record<Field, unknown>>;
  const out: Record<string, string> = {};
  for (const param of VIEW_PARAMS) {
    if (!param.routes.includes(route)) continue;
    if ('prefix' in param) {
      for (const name of Object.keys(view.variables).sort()) {
        const value = view.variables[name];
        if (value !== undefined && value !== '') out[`${param.prefix}${name}`] = value;
      }
      continue;
    }
    const row = param as Row;
    const value = fields[row.field];
    if (value === undefined) continue;
    if (row.fallback !== undefined && row.codec.equals(value, row.fallback)) continue;
    out[row.key] = row.codec.encode(value);
  }
  return out;
}

/** Same view: what the encoded addresses say, so key order and defaults never make two views differ. */
export function viewEquals<R extends ViewRoute>(route: R, a: ViewState<R>, b: ViewState<R>): boolean {
  const ea = encodeView(route, a);
  const eb = encodeView(route, b);
  const keys = new Set([...Object.keys(ea), ...Object.keys(eb)]);
  return [...keys].every((k) => ea[k] === eb[k]);
}

/** True when two dashboard views differ in the KPI filter alone: typing in it replaces the history entry. */
export function onlyFilterChanged(a: DashboardState, b: DashboardState): boolean {
  return (
    (a.q ?? '') !== (b.q ?? '') && viewEquals('dashboard', { ...a, q: undefined }, { ...b, q: undefined })
  );
}
