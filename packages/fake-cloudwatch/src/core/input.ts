import { modeled } from './errors';

/**
 * Readers for the fields of a parsed request (a structure with the API's member names, whatever protocol
 * carried it), answering wrong types the way CloudWatch does.
 */
export type Json = Record<string, unknown>;

export function optString(obj: Json, key: string, path = key): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw modeled.invalidParameterValue(`The parameter ${path} must be a string.`);
  return v;
}

export function optNumber(obj: Json, key: string, path = key): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw modeled.invalidParameterValue(`The parameter ${path} must be a number.`);
  }
  return v;
}

export function optBoolean(obj: Json, key: string, path = key): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw modeled.invalidParameterValue(`The parameter ${path} must be a boolean.`);
  return v;
}

export function optArray(obj: Json, key: string, path = key): unknown[] | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw modeled.invalidParameterValue(`The parameter ${path} must be a list.`);
  return v;
}

export function asObject(v: unknown, path: string): Json {
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw modeled.invalidParameterValue(`The parameter ${path} must be a structure.`);
  }
  return v as Json;
}

/**
 * A timestamp as epoch milliseconds, what the fake uses inside. A protocol without a model cannot tell a
 * timestamp from a number, so each form is read here: a number is epoch seconds (the JSON protocol's
 * default), a string ISO 8601 (the query protocol's), a Date as it is.
 */
export function optTimestamp(obj: Json, key: string, path = key): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.getTime();
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v * 1000);
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return Date.parse(v);
  throw modeled.invalidParameterValue(`The parameter ${path} must be a timestamp.`);
}

/** Dimensions as a plain record, from the [{Name, Value}] list of the wire. */
export function readDimensions(list: unknown[] | undefined, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  (list ?? []).forEach((d, i) => {
    const dim = asObject(d, `${path}.member.${i + 1}`);
    const name = optString(dim, 'Name', `${path}.member.${i + 1}.Name`);
    const value = optString(dim, 'Value', `${path}.member.${i + 1}.Value`);
    if (name === undefined)
      throw modeled.missingParameter(`The parameter ${path}.member.${i + 1}.Name is required.`);
    out[name] = value ?? '';
  });
  return out;
}
