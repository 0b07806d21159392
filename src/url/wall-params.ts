import { idSchema } from '../domain/kpi/schema';
import { parseDuration } from '../domain/time/duration';
import { type Decoded, enumCodec, type ParamCodec, quoteParam } from './codec';

export const WALL_THEMES = ['dark', 'light'] as const;
/** Dark, high-contrast for a wall across a room (the default); light for a screen on a desk. */
export type WallTheme = (typeof WALL_THEMES)[number];
export const themeCodec: ParamCodec<WallTheme> = enumCodec('theme', WALL_THEMES);

/** Rotation bounds: faster than 10 s nobody can read a board; slower than an hour is not a rotation. */
export const ROTATE_MIN_SECONDS = 10;
export const ROTATE_MAX_SECONDS = 3600;
export const ROTATE_DEFAULT_SECONDS = 30;
export const MAX_BOARDS = 24;
const MAX_TILES_PER_PAGE = 48;

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
