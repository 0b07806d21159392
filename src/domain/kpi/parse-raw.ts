/** Helpers for peeking at YAML data before (or despite) validation. */

/** The value as a plain mapping, or undefined for lists, scalars and null. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A field's value when it is text, so error tiles can still be named after a KPI that failed. */
export function textField(value: unknown, key: string): string | undefined {
  const record = asRecord(value);
  const field = record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** The id and title of a mapping when they are text, without undefined keys. */
export function namesOf(value: unknown): { id?: string; title?: string } {
  const id = textField(value, 'id');
  const title = textField(value, 'title');
  return { ...(id === undefined ? {} : { id }), ...(title === undefined ? {} : { title }) };
}

/** Calls visit for every text value under value, with its path, depth first in document order. */
export function walkTexts(
  value: unknown,
  path: ReadonlyArray<PropertyKey>,
  visit: (text: string, path: ReadonlyArray<PropertyKey>) => void,
): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walkTexts(item, [...path, i], visit);
  } else {
    const record = asRecord(value);
    if (record === undefined) return;
    for (const [key, item] of Object.entries(record)) walkTexts(item, [...path, key], visit);
  }
}
