import { z } from 'zod';
import { durationSchema, querySchema } from './query-schema';
import { anomalySchema, forecastSchema, sloSchema, thresholdSchema } from './rules-schema';

export const idSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'an id is lower-case letters, digits and dashes, such as payment-success',
  );

const categories = ['health', 'cost', 'reliability'] as const;
export const directions = ['higher-is-better', 'lower-is-better'] as const;
export const units = [
  'count',
  'percent',
  'milliseconds',
  'seconds',
  'bytes',
  'bytes-per-second',
  'per-second',
  'per-minute',
  'currency',
  'none',
] as const;
export type Unit = (typeof units)[number];

/** Only http(s) links are rendered as links; anything else would be a script or data URL in disguise. */
const httpUrlSchema = z
  .string()
  .max(2048)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'a link must start with http:// or https://');

const relativeRangeSchema = z
  .string()
  .regex(/^now-\d+[smhdw]$/, 'a time range is relative to now, such as now-6h or now-7d')
  .meta({ description: 'Relative time range, e.g. now-6h.' });

export const kpiSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().min(1).max(120),
    description: z.string().max(2000).optional(),
    owner: z.string().max(200).optional(),
    category: z.enum(categories),
    unit: z.enum(units),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code such as USD or EUR')
      .optional(),
    direction: z.enum(directions),
    runbook: httpUrlSchema.optional(),
    alarms: z.array(z.string().min(1).max(255)).max(100).optional(),
    informational: z.boolean().default(false),
    query: querySchema,
    threshold: thresholdSchema.optional(),
    slo: sloSchema.optional(),
    forecast: forecastSchema.optional(),
    anomaly: anomalySchema.optional(),
    staleAfter: durationSchema.optional(),
    breakdowns: z
      .array(
        z
          .string()
          .regex(
            /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/,
            'a breakdown is a CloudWatch dimension name, such as AvailabilityZone',
          ),
      )
      .max(10)
      .optional()
      .meta({
        description: 'Dimensions the drill-down offers to break the KPI down by, e.g. [PaymentProvider].',
      }),
  })
  .superRefine((kpi, ctx) => {
    if (kpi.unit === 'currency' && kpi.currency === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['currency'],
        message: 'a currency KPI names its ISO code, e.g. currency: USD',
      });
    }
    if (kpi.anomaly && kpi.query.kind !== 'metric') {
      ctx.addIssue({
        code: 'custom',
        path: ['anomaly'],
        message:
          'an anomaly band is computed for a single metric: use query.metric, or drop anomaly for this KPI',
      });
    }
    if (kpi.forecast && kpi.threshold?.breached === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['forecast'],
        message: 'a forecast needs threshold.breached to aim at',
      });
    }
  });

export const variableSchema = z
  .strictObject({
    values: z.array(z.string().min(1).max(255)).min(1),
    default: z.string().optional(),
    label: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.default !== undefined && v.values.length > 0 && !v.values.includes(v.default)) {
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `'${v.default}' is not one of ${v.values.join(', ')}`,
      });
    }
  });

export const outcomeSchema = z.strictObject({
  id: idSchema.optional(),
  title: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  kpis: z.array(idSchema).min(1),
});

const dashboardFields = {
  id: idSchema,
  title: z.string().min(1).max(120),
  description: z.string().max(2000).optional(),
  timeRange: relativeRangeSchema.default('now-6h'),
  refresh: durationSchema.default(60),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name such as eu-west-1'),
  variables: z
    .record(
      z
        .string()
        .regex(
          /^[a-zA-Z_][a-zA-Z0-9_]*$/,
          'a variable name is letters, digits and _ and does not start with a digit, such as env',
        ),
      variableSchema,
    )
    .default({}),
  outcomes: z.array(outcomeSchema).default([]),
};

/** The dashboard around its KPIs; KPIs are checked one by one so one bad KPI does not hide the rest. */
export const dashboardShellSchema = z.strictObject({
  ...dashboardFields,
  kpis: z.array(z.unknown()).min(1, 'a dashboard needs at least one KPI'),
});

/** The full dashboard schema, used for the JSON Schema that editors autocomplete from. */
export const dashboardSchema = z.strictObject({ ...dashboardFields, kpis: z.array(kpiSchema).min(1) }).meta({
  title: 'Bellwether dashboard',
  description: 'Business KPIs as code, mapped to Amazon CloudWatch.',
});

export const dashboardIndexSchema = z.strictObject({
  dashboards: z
    .array(
      z.string().regex(/^[a-zA-Z0-9._-]+\.ya?ml$/, 'list dashboard files by name, such as checkout.yaml'),
    )
    .min(1),
});

export type Kpi = z.infer<typeof kpiSchema>;
export type Outcome = z.infer<typeof outcomeSchema>;
export type Variable = z.infer<typeof variableSchema>;
export type DashboardShell = z.infer<typeof dashboardShellSchema>;
export type Direction = (typeof directions)[number];
