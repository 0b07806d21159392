import {
  ACCOUNT_ID_LENGTH,
  DIMENSION_NAME_LENGTH,
  DIMENSION_VALUE_LENGTH,
  EXPRESSION_LENGTH,
  METRIC_DATA_QUERY_ID_LENGTH,
  METRIC_NAME_LENGTH,
  NAMESPACE_LENGTH,
  STANDARD_UNITS,
} from '@bellwether/cloudwatch-spec';
import { modeled } from '../errors';
import type { Json } from '../input';

/**
 * The constraints the API model puts on GetMetricData's members (lengths, the Namespace pattern, the
 * StandardUnit and ScanBy enums, Period ≥ 1), checked before anything else and answered all at once the
 * way the service's front end does: a ValidationError such as "1 validation error detected: Value '…' at
 * 'metricDataQueries.4.member.expression' failed to satisfy constraint: Member must have length less
 * than or equal to 1024" (the service's words and member path as grafana/grafana issue 25062 records
 * them, from when the limit was 1,024), members in the model's order. Values of the wrong type are left
 * to the readers in input.ts.
 */

const SCAN_BY = ['TimestampDescending', 'TimestampAscending'] as const;

type Length = { readonly min: number; readonly max: number };

function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}

class Violations {
  readonly list: string[] = [];

  #add(value: unknown, path: string, constraint: string): void {
    this.list.push(
      `Value '${String(value)}' at '${path}' failed to satisfy constraint: Member ${constraint}`,
    );
  }

  length(value: unknown, path: string, limit: Length): void {
    if (typeof value !== 'string') return;
    if (value.length < limit.min)
      this.#add(value, path, `must have length greater than or equal to ${limit.min}`);
    if (value.length > limit.max)
      this.#add(value, path, `must have length less than or equal to ${limit.max}`);
  }

  pattern(value: unknown, path: string, test: (s: string) => boolean, pattern: string): void {
    if (typeof value === 'string' && value.length > 0 && !test(value)) {
      this.#add(value, path, `must satisfy regular expression pattern: ${pattern}`);
    }
  }

  oneOf(value: unknown, path: string, values: readonly string[]): void {
    if (typeof value === 'string' && !values.includes(value)) {
      this.#add(value, path, `must satisfy enum value set: [${values.join(', ')}]`);
    }
  }

  atLeast(value: unknown, path: string, min: number): void {
    if (typeof value === 'number' && value < min)
      this.#add(value, path, `must have value greater than or equal to ${min}`);
  }
}

function checkMetricStat(raw: unknown, path: string, out: Violations): void {
  const ms = obj(raw);
  if (!ms) return;
  const metric = obj(ms.Metric) ?? {};
  out.length(metric.Namespace, `${path}.metric.namespace`, NAMESPACE_LENGTH);
  out.pattern(metric.Namespace, `${path}.metric.namespace`, (s) => !s.startsWith(':'), '[^:].*');
  out.length(metric.MetricName, `${path}.metric.metricName`, METRIC_NAME_LENGTH);
  const dims = Array.isArray(metric.Dimensions) ? metric.Dimensions : [];
  dims.forEach((d, i) => {
    const dim = obj(d);
    if (!dim) return;
    const at = `${path}.metric.dimensions.${i + 1}.member`;
    out.length(dim.Name, `${at}.name`, DIMENSION_NAME_LENGTH);
    out.length(dim.Value, `${at}.value`, DIMENSION_VALUE_LENGTH);
  });
  out.atLeast(ms.Period, `${path}.period`, 1);
  out.oneOf(ms.Unit, `${path}.unit`, STANDARD_UNITS);
}

/** Throws one ValidationError naming every member of the request outside the API model's constraints. */
export function checkConstraints(body: Json): void {
  const out = new Violations();
  out.oneOf(body.ScanBy, 'scanBy', SCAN_BY);
  const queries = Array.isArray(body.MetricDataQueries) ? body.MetricDataQueries : [];
  queries.forEach((raw, i) => {
    const q = obj(raw);
    if (!q) return;
    const path = `metricDataQueries.${i + 1}.member`;
    out.length(q.Id, `${path}.id`, METRIC_DATA_QUERY_ID_LENGTH);
    out.length(q.Expression, `${path}.expression`, EXPRESSION_LENGTH);
    out.length(q.AccountId, `${path}.accountId`, ACCOUNT_ID_LENGTH);
    out.atLeast(q.Period, `${path}.period`, 1);
    checkMetricStat(q.MetricStat, `${path}.metricStat`, out);
  });
  const n = out.list.length;
  if (n > 0) {
    throw modeled.validation(`${n} validation error${n === 1 ? '' : 's'} detected: ${out.list.join('; ')}`);
  }
}
