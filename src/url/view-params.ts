import { enumCodec, type ParamCodec, quoteParam } from './codec';

export const TIME_ZONES = ['local', 'utc'] as const;
/** Times on screen in the browser's zone or in UTC; `local` is the default and never written. */
export type TimeZoneChoice = (typeof TIME_ZONES)[number];
export const tzCodec: ParamCodec<TimeZoneChoice> = enumCodec('tz', TIME_ZONES);

export const COMPARISONS = ['1d', '1w'] as const;
/** An earlier period drawn over the chart: the same window one day or one week before. */
export type Comparison = (typeof COMPARISONS)[number];
export const compareCodec: ParamCodec<Comparison> = enumCodec('compare', COMPARISONS);

export const KPI_SORTS = ['status', 'title'] as const;
/** Tile order on a dashboard: as in the file (default, never written), worst status first, or by title. */
export type KpiSort = (typeof KPI_SORTS)[number];
export const sortCodec: ParamCodec<KpiSort> = enumCodec('sort', KPI_SORTS);

const DIMENSION_RE = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;

/** `by=PaymentProvider`: a CloudWatch dimension name to break a KPI down by. */
export const dimensionCodec: ParamCodec<string> = {
  decode: (raw) =>
    DIMENSION_RE.test(raw)
      ? { ok: true, value: raw }
      : {
          ok: false,
          notice: `by ${quoteParam(raw)} is not a CloudWatch dimension name such as AvailabilityZone`,
        },
  encode: (value) => value,
  equals: (a, b) => a === b,
};

const MAX_FILTER = 100;

/** `q=payment`: a text filter on KPI titles; long text is cut, control characters dropped. */
export const filterCodec: ParamCodec<string> = {
  decode(raw) {
    const clean = raw.replace(/\p{Cc}/gu, '').trim();
    if (clean === '') return { ok: false, notice: 'q is empty' };
    if (clean.length > MAX_FILTER) {
      // Trimmed again after the cut, so the value reads back as itself (found by the fuzz tests).
      const cut = clean.slice(0, MAX_FILTER).trimEnd();
      return { ok: true, value: cut, notice: `q was cut to ${MAX_FILTER} characters` };
    }
    return { ok: true, value: clean };
  },
  encode: (value) => value,
  equals: (a, b) => a === b,
};

export const VAR_PREFIX = 'var-';
const VAR_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const MAX_VAR_VALUE = 255;

/** `var-env=prod`: the variable's name from the key, its value (≤ 255 characters, the schema's limit). */
export function decodeVariable(
  key: string,
  raw: string,
): { name: string; value: string } | { notice: string } {
  const name = key.slice(VAR_PREFIX.length);
  if (!VAR_NAME_RE.test(name)) return { notice: `unknown parameter ${quoteParam(key)}` };
  if (raw.length === 0 || raw.length > MAX_VAR_VALUE) {
    return { notice: `${key} must be 1 to ${MAX_VAR_VALUE} characters long` };
  }
  return { name, value: raw };
}
