import { idSchema } from '../domain/kpi/schema';
import { describeSpan, parseDuration } from '../domain/time/duration';
import { type Decoded, enumCodec, type ParamCodec, quoteParam } from './codec';
import { decodeDashboardSearch, encodeDashboardSearch } from './dashboard-search';
import type { KpiSort, TimeZoneChoice } from './view-params';

export const WALL_THEMES = ['dark', 'light'] as const;
/** Dark, high-contrast for a wall across a room (the default); light for a screen on a desk. */
export type WallTheme = (typeof WALL_THEMES)[number];

/** Rotation bounds: faster than 10 s nobody can read a board; slower than an hour is not a rotation. */
export const ROTATE_MIN_SECONDS = 10;
export const ROTATE_MAX_SECONDS = 3600;
export const ROTATE_DEFAULT_SECONDS = 30;
export const MAX_BOARDS = 24;
const MAX_TILES_PER_PAGE = 48;

/** Everything a wall screen is told by its address; the screen's browser is pointed at one link and left. */
export interface WallSearch {
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
  range?: string;
  variables: Record<string, string>;
  /** Parameters that were present but unusable (or were corrected), in words, for a discreet notice. */
  ignored: string[];
}

/** `boards=checkout,platform`: dashboard ids in rotation order; bad ids are dropped, repeats kept once. */
export const boardsCodec: ParamCodec<string[]> = {
  decode(raw) {
    const ids: string[] = [];
    const bad: string[] = [];
    for (const part of raw.split(',')) {
      const id = part.trim();
      if (id === '') continue;
      if (!idSchema.safeParse(id).success) bad.push(quoteParam(id));
      else if (!ids.includes(id)) ids.push(id);
    }
    const notices: string[] = [];
    if (bad.length > 0) {
      notices.push(
        `${bad.length === 1 ? 'board' : 'boards'} ${bad.join(', ')} ${bad.length === 1 ? 'is not a dashboard id' : 'are not dashboard ids'} (lower-case letters, digits and dashes)`,
      );
    }
    if (ids.length > MAX_BOARDS) {
      notices.push(`only the first ${MAX_BOARDS} of ${ids.length} boards rotate`);
      ids.length = MAX_BOARDS;
    }
    const notice = notices.length > 0 ? notices.join('; ') : undefined;
    if (ids.length === 0) return { ok: false, notice: notice ?? 'boards is empty' };
    return { ok: true, value: ids, ...(notice ? { notice } : {}) };
  },
  encode: (ids) => ids.join(','),
  equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
};

/** `rotate=60s` (or 2m, or a bare 45 for seconds): clamped to 10 s … 1 h. */
export const rotateCodec: ParamCodec<number> = {
  decode(raw): Decoded<number> {
    const text = raw.trim();
    const seconds = /^\d{1,7}$/.test(text) ? Number(text) : parseDuration(text);
    if (seconds === undefined || seconds === 0) {
      return { ok: false, notice: `rotate ${quoteParam(raw)} is not a duration such as 60s or 2m` };
    }
    if (seconds < ROTATE_MIN_SECONDS) {
      return {
        ok: true,
        value: ROTATE_MIN_SECONDS,
        notice: `rotate ${quoteParam(raw)} is too fast to read; rotating every ${ROTATE_MIN_SECONDS} s`,
      };
    }
    if (seconds > ROTATE_MAX_SECONDS) {
      return {
        ok: true,
        value: ROTATE_MAX_SECONDS,
        notice: `rotate ${quoteParam(raw)} is longer than an hour; rotating every hour`,
      };
    }
    return { ok: true, value: seconds };
  },
  encode: (seconds) => `${seconds}s`,
  equals: (a, b) => a === b,
};

/** `tiles=6`: at most this many tiles per page; more tiles page through as part of the rotation. */
export const tilesCodec: ParamCodec<number> = {
  decode(raw) {
    const text = raw.trim();
    const n = /^\d{1,6}$/.test(text) ? Number(text) : 0;
    if (n < 1) return { ok: false, notice: `tiles ${quoteParam(raw)} is not a number of tiles such as 6` };
    if (n > MAX_TILES_PER_PAGE) {
      return {
        ok: true,
        value: MAX_TILES_PER_PAGE,
        notice: `tiles ${quoteParam(raw)} is more than ${MAX_TILES_PER_PAGE}; showing at most ${MAX_TILES_PER_PAGE} per page`,
      };
    }
    return { ok: true, value: n };
  },
  encode: String,
  equals: (a, b) => a === b,
};

const themeCodec: ParamCodec<WallTheme> = enumCodec('theme', WALL_THEMES);

type WallKey = 'boards' | 'rotate' | 'tiles' | 'theme';
const WALL_KEYS: readonly string[] = ['boards', 'rotate', 'tiles', 'theme'];

function apply<T>(decoded: Decoded<T>, set: (value: T) => void, ignored: string[]): void {
  if (decoded.ok) set(decoded.value);
  if (decoded.notice) ignored.push(decoded.notice);
}

/**
 * Reads a wall's settings from its address; never throws. Anything malformed is dropped (or clamped to
 * the nearest sensible value) and said in `ignored`, so a typo in a wall link still gives a working wall.
 * `pathBoard` is the id in /wall/<id>, which wins over `boards`. Range, tz, sort, q and var-* mean what
 * they mean on a dashboard, so a desk link's settings carry over.
 */
export function decodeWallSearch(search: Record<string, string>, pathBoard?: string): WallSearch {
  const ignored: string[] = [];
  const wall: Omit<WallSearch, 'ignored' | 'variables'> = {
    boards: [],
    rotateSeconds: ROTATE_DEFAULT_SECONDS,
    theme: 'dark',
    tz: 'local',
  };
  if (pathBoard !== undefined) {
    apply(boardsCodec.decode(pathBoard), (ids) => (wall.boards = ids), ignored);
  }
  const rest: Record<string, string> = {};
  for (const [key, value] of Object.entries(search)) {
    const raw = String(value);
    if (!WALL_KEYS.includes(key)) {
      rest[key] = raw;
      continue;
    }
    switch (key as WallKey) {
      case 'boards':
        if (pathBoard === undefined) apply(boardsCodec.decode(raw), (ids) => (wall.boards = ids), ignored);
        else
          ignored.push(
            `boards ${quoteParam(raw)} is ignored: the address already names ${quoteParam(pathBoard)}`,
          );
        break;
      case 'rotate': {
        const decoded = rotateCodec.decode(raw);
        if (decoded.ok) wall.rotateSeconds = decoded.value;
        else ignored.push(`${decoded.notice}; rotating every ${describeSpan(ROTATE_DEFAULT_SECONDS)}`);
        if (decoded.ok && decoded.notice) ignored.push(decoded.notice);
        break;
      }
      case 'tiles':
        apply(tilesCodec.decode(raw), (n) => (wall.tilesPerPage = n), ignored);
        break;
      case 'theme':
        apply(themeCodec.decode(raw.toLowerCase()), (t) => (wall.theme = t), ignored);
        break;
    }
  }
  const view = decodeDashboardSearch(rest);
  return {
    ...wall,
    ...(view.tz ? { tz: view.tz } : {}),
    ...(view.range ? { range: view.range } : {}),
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.q ? { q: view.q } : {}),
    variables: view.variables,
    ignored: [...ignored, ...view.ignored],
  };
}

/** Writes wall settings back to flat search params, leaving defaults out so links stay short. */
export function encodeWallSearch(wall: Omit<WallSearch, 'ignored'>): Record<string, string> {
  const out: Record<string, string> = {};
  if (wall.boards.length > 0) out.boards = boardsCodec.encode(wall.boards);
  if (wall.rotateSeconds !== ROTATE_DEFAULT_SECONDS) out.rotate = rotateCodec.encode(wall.rotateSeconds);
  if (wall.tilesPerPage !== undefined) out.tiles = tilesCodec.encode(wall.tilesPerPage);
  if (wall.theme !== 'dark') out.theme = wall.theme;
  return {
    ...out,
    ...encodeDashboardSearch({
      variables: wall.variables,
      ...(wall.range ? { range: wall.range } : {}),
      ...(wall.tz !== 'local' ? { tz: wall.tz } : {}),
      ...(wall.q ? { q: wall.q } : {}),
      ...(wall.sort ? { sort: wall.sort } : {}),
    }),
  };
}

/** Same wall: what the encoded addresses say, so key order and defaults never make two walls differ. */
export function wallSearchEquals(a: Omit<WallSearch, 'ignored'>, b: Omit<WallSearch, 'ignored'>): boolean {
  const ea = encodeWallSearch(a);
  const eb = encodeWallSearch(b);
  const keys = new Set([...Object.keys(ea), ...Object.keys(eb)]);
  return [...keys].every((k) => ea[k] === eb[k]);
}
