import {
  DIMENSION_NAME_LENGTH,
  DIMENSION_VALUE_LENGTH,
  dimensionNameProblem,
  dimensionValueProblem,
  EXPRESSION_LENGTH,
  isCloudWatchPeriod,
  MAX_DIMENSIONS,
  METRIC_DATA_QUERY_ID_LENGTH,
  METRIC_DATA_QUERY_ID_PATTERN,
  METRIC_NAME_LENGTH,
  NAMESPACE_LENGTH,
  namespaceProblem,
  parseStatistic,
  STANDARD_UNITS,
} from '@bellwether/cloudwatch-spec';
import { z } from 'zod';
import { parseDuration } from '../time/duration';

/** A duration written as "5m" / "1h" or as whole seconds; always read as seconds. */
export const durationSchema = z
  .union([z.number().int().positive(), z.string()], {
    error: (issue) =>
      `'${String(issue.input)}' is not a duration (write it like 30s, 5m, 1h or 7d, or as whole seconds)`,
  })
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const seconds = parseDuration(value);
    if (seconds === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `'${value}' is not a duration (write it like 30s, 5m, 1h or 7d)`,
      });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({ description: 'A duration such as 60s, 5m, 1h, 7d, or whole seconds.' });

/** CloudWatch metric periods: 1, 5, 10, 20, 30 s (high resolution) or a multiple of 60 s. */
const periodSchema = durationSchema.refine(isCloudWatchPeriod, {
  message: 'a CloudWatch period is 1, 5, 10, 20 or 30 seconds, or a multiple of 60 seconds',
});

/** The text as the message quotes it: one line, cut at 40 characters like every other quoted value. */
function quoted(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `'${oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine}'`;
}

/** Exactly the statistics the CloudWatch documentation defines, case rules included (cloudwatch-spec). */
const statisticSchema = z
  .string()
  .superRefine((stat, ctx) => {
    const parsed = parseStatistic(stat);
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `${quoted(stat)} is not a CloudWatch statistic: ${parsed.reason}`,
      });
    }
  })
  .meta({
    description:
      'A CloudWatch statistic: SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99 or p99.9, ' +
      'tm99, wm99, tc99, ts99, a range such as TM(10%:90%), TM(:95%), TC(0.005:0.030) or PR(100:2000), or IQM.',
  });

/** A check from cloudwatch-spec that says what is wrong, as a zod refinement. */
function refineWith(problem: (text: string) => string | undefined) {
  return (text: string, ctx: z.RefinementCtx): void => {
    const found = problem(text);
    if (found !== undefined) ctx.addIssue({ code: 'custom', message: found });
  };
}

const namespaceSchema = z
  .string()
  .min(NAMESPACE_LENGTH.min)
  .max(NAMESPACE_LENGTH.max)
  .superRefine(refineWith(namespaceProblem));
const dimensionNameSchema = z
  .string()
  .min(DIMENSION_NAME_LENGTH.min)
  .max(DIMENSION_NAME_LENGTH.max)
  .superRefine(refineWith(dimensionNameProblem));
const dimensionValueSchema = z
  .string()
  .min(DIMENSION_VALUE_LENGTH.min)
  .max(DIMENSION_VALUE_LENGTH.max)
  .superRefine(refineWith(dimensionValueProblem));

/** Names of things CloudWatch addresses: ids inside math expressions must start with a lower-case letter. */
const mathIdSchema = z
  .string()
  .max(METRIC_DATA_QUERY_ID_LENGTH.max)
  .regex(
    METRIC_DATA_QUERY_ID_PATTERN,
    'a metric name in an expression starts with a lower-case letter and has only letters, digits and _',
  );

export const metricStatSchema = z
  .strictObject({
    namespace: namespaceSchema,
    name: z
      .string()
      .min(METRIC_NAME_LENGTH.min)
      .max(METRIC_NAME_LENGTH.max)
      .meta({ description: 'The CloudWatch MetricName.' }),
    dimensions: z
      .record(dimensionNameSchema, dimensionValueSchema)
      .default({})
      .refine(
        (d) => Object.keys(d).length <= MAX_DIMENSIONS,
        `CloudWatch allows at most ${MAX_DIMENSIONS} dimensions per metric`,
      ),
    stat: statisticSchema,
    period: periodSchema.optional(),
    unit: z.enum(STANDARD_UNITS).optional().meta({
      description: 'Optional CloudWatch unit filter, one of its standard units, e.g. Milliseconds.',
    }),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name such as eu-west-1')
      .optional(),
    accountId: z
      .string()
      .regex(/^\d{12}$/, 'an AWS account id is 12 digits')
      .optional(),
  })
  .meta({ description: 'One CloudWatch metric and the statistic to take of it.' });

export const mathQuerySchema = z.strictObject({
  expression: z.string().min(EXPRESSION_LENGTH.min).max(EXPRESSION_LENGTH.max),
  metrics: z.record(mathIdSchema, metricStatSchema).default({}),
  period: periodSchema.optional(),
  region: metricStatSchema.shape.region,
  accountId: metricStatSchema.shape.accountId,
});

export const insightsQuerySchema = z.strictObject({
  sql: z
    .string()
    .min(EXPRESSION_LENGTH.min)
    .max(EXPRESSION_LENGTH.max)
    .refine((s) => /^\s*SELECT\s/i.test(s), 'a Metrics Insights query starts with SELECT'),
  period: periodSchema.optional(),
  region: metricStatSchema.shape.region,
});

/** A KPI's query: exactly one of a metric, a metric-math expression or a Metrics Insights query. */
export const querySchema = z
  .strictObject({
    metric: metricStatSchema.optional(),
    math: mathQuerySchema.optional(),
    insights: insightsQuerySchema.optional(),
  })
  .superRefine((q, ctx) => {
    const kinds = (['metric', 'math', 'insights'] as const).filter((k) => q[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'a query needs one of metric, math or insights'
            : `a query has exactly one of metric, math or insights, not ${kinds.join(' and ')}`,
      });
    }
  })
  .transform((q): KpiQuery => {
    if (q.metric) return { kind: 'metric', metric: q.metric };
    if (q.math) return { kind: 'math', ...q.math };
    return { kind: 'insights', ...q.insights! };
  });

export type MetricStat = z.infer<typeof metricStatSchema>;
export type MathQuery = z.infer<typeof mathQuerySchema>;
export type InsightsQuery = z.infer<typeof insightsQuerySchema>;
/**
 * The Label a query is sent with, set by the app (never by a dashboard file) where it must tell the
 * series of one query apart, e.g. `${PROP('Dim.PaymentProvider')}` on a breakdown's SEARCH (User Guide,
 * "Use dynamic labels"). Default labels are undocumented, so nothing reads them.
 */
export interface QueryLabel {
  label?: string;
}

export type KpiQuery =
  | { kind: 'metric'; metric: MetricStat }
  | ({ kind: 'math' } & MathQuery & QueryLabel)
  | ({ kind: 'insights' } & InsightsQuery);
