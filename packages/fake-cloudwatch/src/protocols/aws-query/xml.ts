/**
 * Writes an output structure as the query protocol's XML (Smithy, "AWS query protocol", XML shape
 * serialization): a structure member is an element of its name, a list member's items are `<member>`
 * elements, a timestamp is ISO 8601 date-time, a number or boolean its text (non-finite numbers as
 * `NaN`, `Infinity`, `-Infinity`). CloudWatch's outputs have no maps, flattened lists or attributes, so
 * the output's own values say how to write it and no model is needed.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

/** Text made safe for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => ESCAPES[c] ?? c);
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return escapeXml(value);
  return String(value);
}

/** The element `name` holding `value`; nothing for a missing value. */
export function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return `<${name}>${value.map((item) => element('member', item)).join('')}</${name}>`;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const members = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => element(key, item))
      .join('');
    return `<${name}>${members}</${name}>`;
  }
  return `<${name}>${text(value)}</${name}>`;
}
