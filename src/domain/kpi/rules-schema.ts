import { z } from 'zod';
import { durationSchema, metricStatSchema } from './query-schema';

/** CloudWatch alarm names for TreatMissingData, used verbatim so alarm exports map one to one. */
export const missingDataTreatments = ['missing', 'ignore', 'breaching', 'notBreaching'] as const;
export type MissingDataTreatment = (typeof missingDataTreatments)[number];

const evaluationFields = {
  datapointsToAlarm: z.number().int().min(1).max(100).default(1),
  evaluationPeriods: z.number().int().min(1).max(100).default(1),
  treatMissingData: z.enum(missingDataTreatments).default('missing'),
};

function mOfNRefinement(
  value: { datapointsToAlarm: number; evaluationPeriods: number },
  ctx: z.RefinementCtx,
): void {
  if (value.datapointsToAlarm > value.evaluationPeriods) {
    ctx.addIssue({
      code: 'custom',
      path: ['datapointsToAlarm'],
      message: `datapointsToAlarm (${value.datapointsToAlarm}) cannot exceed evaluationPeriods (${value.evaluationPeriods})`,
    });
  }
}

/** Static thresholds in the KPI's good direction, evaluated M out of N like a CloudWatch alarm. */
export const thresholdSchema = z
  .strictObject({
    atRisk: z.number().finite().optional(),
    breached: z.number().finite().optional(),
    ...evaluationFields,
  })
  .superRefine((t, ctx) => {
    if (t.atRisk === undefined && t.breached === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a threshold needs atRisk, breached or both' });
    }
    mOfNRefinement(t, ctx);
  });

export const burnRateWindowSchema = z.strictObject({
  long: durationSchema,
  short: durationSchema,
  rate: z.number().positive(),
  severity: z.enum(['at-risk', 'breached']),
});

/** The Google SRE Workbook's multi-window, multi-burn-rate table for a 30-day objective. */
export const DEFAULT_BURN_RATE_WINDOWS = [
  { long: 3600, short: 300, rate: 14.4, severity: 'breached' },
  { long: 21_600, short: 1800, rate: 6, severity: 'breached' },
  { long: 259_200, short: 21_600, rate: 1, severity: 'at-risk' },
] as const satisfies ReadonlyArray<z.infer<typeof burnRateWindowSchema>>;

/** An SLO counted either from good/total event metrics or from periods whose value meets a threshold. */
export const sloSchema = z
  .strictObject({
    objective: z.number().gt(0).lt(100).meta({ description: 'Target in percent, e.g. 99.9.' }),
    window: durationSchema.default(2_592_000),
    good: metricStatSchema.optional(),
    total: metricStatSchema.optional(),
    threshold: z.number().finite().optional(),
    burnRates: z.array(burnRateWindowSchema).min(1).optional(),
  })
  .superRefine((slo, ctx) => {
    const events = slo.good !== undefined || slo.total !== undefined;
    if (events && (slo.good === undefined || slo.total === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'an event-based SLO needs both good and total' });
    }
    if (events === (slo.threshold !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'an SLO is counted either from good and total events or from a per-period threshold, not both',
      });
    }
  });

export const forecastSchema = z.strictObject({
  horizon: durationSchema.meta({
    description: 'Flag at-risk when the trend crosses breached within this time.',
  }),
  lookback: durationSchema.optional(),
});

export const anomalySchema = z
  .strictObject({
    band: z.number().positive().max(100).default(2).meta({ description: 'ANOMALY_DETECTION_BAND width.' }),
    ...evaluationFields,
  })
  .superRefine(mOfNRefinement);

export type Threshold = z.infer<typeof thresholdSchema>;
export type Slo = z.infer<typeof sloSchema>;
export type BurnRateWindow = z.infer<typeof burnRateWindowSchema>;
export type Anomaly = z.infer<typeof anomalySchema>;
