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
const periodSchema = durationSchema.refine((s) => [1, 5, 10, 20, 30].includes(s) || s % 60 === 0, {
  message: 'a CloudWatch period is 1, 5, 10, 20 or 30 seconds, or a multiple of 60 seconds',
});

const PERCENTILE_FAMILY = '(?:p|tm|wm|tc|ts)(?:100|\\d{1,2}(?:\\.\\d{1,10})?)';
const STAT_RE = new RegExp(`^(?:SampleCount|Average|Sum|Minimum|Maximum|IQM|${PERCENTILE_FAMILY})$`);

/** True for every statistic GetMetricData accepts in MetricStat.Stat that Bellwether supports. */
function isCloudWatchStatistic(stat: string): boolean {
  return STAT_RE.test(stat);
}

const statisticSchema = z.string().refine(isCloudWatchStatistic, {
  error: (issue) =>
    `'${String(issue.input)}' is not a CloudWatch statistic (use Sum, Average, Minimum, Maximum, SampleCount, IQM or a percentile such as p99 or p99.9)`,
});

/** Names of things CloudWatch addresses: ids inside math expressions must start with a lower-case letter. */
const mathIdSchema = z
  .string()
  .regex(
    /^[a-z][a-zA-Z0-9_]*$/,
    'a metric name in an expression starts with a lower-case letter and has only letters, digits and _',
  );

export const metricStatSchema = z
  .strictObject({
    namespace: z.string().min(1).max(255),
    name: z.string().min(1).max(255).meta({ description: 'The CloudWatch MetricName.' }),
    dimensions: z
      .record(z.string().min(1).max(255), z.string().min(1).max(1024))
      .default({})
      .refine((d) => Object.keys(d).length <= 30, 'CloudWatch allows at most 30 dimensions per metric'),
    stat: statisticSchema,
    period: periodSchema.optional(),
    unit: z.string().optional().meta({ description: 'Optional CloudWatch unit filter, e.g. Milliseconds.' }),
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
  expression: z.string().min(1).max(2048),
  metrics: z.record(mathIdSchema, metricStatSchema).default({}),
  period: periodSchema.optional(),
  region: metricStatSchema.shape.region,
  accountId: metricStatSchema.shape.accountId,
});

export const insightsQuerySchema = z.strictObject({
  sql: z
    .string()
    .min(1)
    .max(2048)
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
export type KpiQuery =
  | { kind: 'metric'; metric: MetricStat }
  | ({ kind: 'math' } & MathQuery)
  | ({ kind: 'insights' } & InsightsQuery);
