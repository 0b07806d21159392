/**
 * What GetMetricData costs: AWS bills it per metric requested, $0.01 per 1,000 metrics in us-east-1 and
 * most regions (Amazon CloudWatch pricing page, "API requests: GetMetricData"). Pure arithmetic, so the
 * desk header, the status page and `npm run kpi -- cost` say the same numbers.
 */

/** USD per 1,000 metrics requested by GetMetricData, the documented default; some regions charge more. */
export const DEFAULT_PRICE_PER_1000_METRICS = 0.01;
/** A billing month, for "per month" figures: 30 days. */
const MONTH_SECONDS = 30 * 86_400;

export interface CostInput {
  /** Metrics GetMetricData is asked for per refresh, averaged over refreshes. */
  metricsPerRefresh: number;
  refreshSeconds: number;
  /** Screens that each fetch on their own. */
  screens?: number;
  pricePer1000?: number;
}

export interface Cost {
  refreshesPerMonth: number;
  metricsPerMonth: number;
  dollarsPerMonth: number;
}

/** Metrics and dollars per month of a dashboard refreshing at its interval on `screens` screens. */
export function monthlyCost(input: CostInput): Cost {
  const refreshSeconds = Math.max(1, input.refreshSeconds);
  const refreshesPerMonth = MONTH_SECONDS / refreshSeconds;
  const metricsPerMonth = Math.max(0, input.metricsPerRefresh) * refreshesPerMonth * (input.screens ?? 1);
  const price = input.pricePer1000 ?? DEFAULT_PRICE_PER_1000_METRICS;
  return { refreshesPerMonth, metricsPerMonth, dollarsPerMonth: (metricsPerMonth / 1000) * price };
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "≈ 4.2 metrics a refresh, $1.81 a month at 60 s": the bill of one screen, in words. */
export function describeCost(input: CostInput): string {
  const cost = monthlyCost(input);
  const screens = (input.screens ?? 1) === 1 ? '' : ` on ${input.screens} screens`;
  return `≈ ${count.format(input.metricsPerRefresh)} metrics a refresh, ${dollars.format(cost.dollarsPerMonth)} a month${screens} at ${input.refreshSeconds} s`;
}

/** Dollars, with cents for a month and two significant digits for the fractions of a cent a load costs. */
export function formatDollars(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      maximumSignificantDigits: 2,
    }).format(value);
  }
  return dollars.format(value);
}

export interface BillInput {
  /** Metrics a refresh asks for in the long run (the forecast, else the measured mean). */
  steadyMetrics: number;
  /** Metrics the first load asked for, once it has run. */
  firstLoadMetrics?: number;
  refreshSeconds: number;
  pricePer1000: number;
  region: string;
}

/**
 * "≈ 6.5 metrics a refresh, $2.79 a month per screen at 60 s; first load 12 metrics ($0.00012); us-east-1
 * at $0.01 per 1,000 metrics": what a screen of a dashboard pays from its first refresh on.
 */
export function describeBill(input: BillInput): string {
  const price = input.pricePer1000;
  const month = monthlyCost({
    metricsPerRefresh: input.steadyMetrics,
    refreshSeconds: input.refreshSeconds,
    pricePer1000: price,
  });
  const first =
    input.firstLoadMetrics === undefined
      ? ''
      : `; first load ${count.format(input.firstLoadMetrics)} metrics (${formatDollars((input.firstLoadMetrics / 1000) * price)})`;
  return `≈ ${count.format(input.steadyMetrics)} metrics a refresh, ${dollars.format(month.dollarsPerMonth)} a month per screen at ${input.refreshSeconds} s${first}; ${input.region} at $${price} per 1,000 metrics`;
}
