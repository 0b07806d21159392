import { METRIC_DATA_QUERY_ID_LENGTH } from './limits';

/**
 * The character rules for the names CloudWatch addresses. Lengths are in limits.ts; these functions say
 * only what is wrong with the characters, in a few words, or return undefined. Each is one linear pass.
 */

/** The first character outside printable ASCII (U+0020–U+007E), described; undefined when there is none. */
function asciiProblem(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) {
      return `has a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${i + 1}; only printable ASCII is allowed`;
    }
    if (code > 0x7e) {
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      return `has '${char}' at character ${i + 1}; only ASCII characters are allowed`;
    }
  }
  return undefined;
}

/** Only spaces (after the ASCII check, the one printable whitespace character). */
function blank(text: string): boolean {
  return text.length > 0 && text.trim() === '';
}

/**
 * `Metric.Namespace`: the model's pattern `[^:].*` (no leading colon), ASCII without control characters
 * (PutMetricData.Namespace documentation) and at least one non-whitespace character (Metrics concepts).
 */
export function namespaceProblem(namespace: string): string | undefined {
  const ascii = asciiProblem(namespace);
  if (ascii !== undefined) return ascii;
  if (blank(namespace)) return 'needs a character other than a space';
  if (namespace.startsWith(':')) return "cannot start with ':'";
  return undefined;
}

/**
 * `Dimension.Name`: "must contain only ASCII characters, must include at least one non-whitespace character,
 * and cannot start with a colon (:). ASCII control characters are not supported" (the model's documentation).
 */
export function dimensionNameProblem(name: string): string | undefined {
  return namespaceProblem(name);
}

/**
 * `Dimension.Value`: "must contain only ASCII characters and must include at least one non-whitespace
 * character. ASCII control characters are not supported" (the model's documentation).
 */
export function dimensionValueProblem(value: string): string | undefined {
  const ascii = asciiProblem(value);
  if (ascii !== undefined) return ascii;
  if (blank(value)) return 'needs a character other than a space';
  return undefined;
}

/** `MetricDataQuery.Id` characters: a lower-case letter, then letters, digits and underscores. */
export const METRIC_DATA_QUERY_ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/;

/**
 * `MetricDataQuery.Id`: 1–255 characters (shape MetricId); "The valid characters are letters, numbers, and
 * underscore. The first character must be a lowercase letter." The model of botocore 1.43.11 has no pattern
 * for it, only this documentation.
 */
export function isMetricDataQueryId(id: string): boolean {
  return (
    id.length >= METRIC_DATA_QUERY_ID_LENGTH.min &&
    id.length <= METRIC_DATA_QUERY_ID_LENGTH.max &&
    METRIC_DATA_QUERY_ID_PATTERN.test(id)
  );
}
