import type { Series } from '../domain/series';
import { withSeriesCache } from './cached-source';
import { planQueries } from './cloudwatch/planner';
import type { FetchReport, MetricsSource, SeriesRequest, SeriesResult } from './metrics-source';

/** GetMetricData calls and billed metrics of one refresh, or the mean of several. */
export interface RefreshFigures {
  calls: number;
  metrics: number;
}

/** What a screen of a dashboard will ask of GetMetricData: its first load, then each refresh after it. */
export interface RefreshForecast {
  firstLoad: RefreshFigures;
  /** The mean over an hour of refreshes after the first load: what a wall pays in the long run. */
  steady: RefreshFigures;
}

/** An hour holds every cadence the series cache has: 1-minute, 5-minute and hourly series. */
const HORIZON_SECONDS = 3600;

/**
 * What the app's own planner and series cache will ask of CloudWatch over the first load and an hour of
 * refreshes, worked out without a call: the refreshes are run against a stand-in for CloudWatch that
 * answers every request with a datapoint per period. So the bill is known from the first refresh, not only
 * after an hour of them. Data that arrives late or is missing can make a real refresh ask a little more.
 */
export async function forecastRefreshes(
  build: (now: number) => SeriesRequest[],
  options: { now: number; refreshSeconds: number; lateDataSeconds?: number },
): Promise<RefreshForecast> {
  let clock = options.now;
  const cloudWatch = standIn(() => clock);
  const source = withSeriesCache(cloudWatch, {
    now: () => clock,
    ...(options.lateDataSeconds === undefined ? {} : { lateDataSeconds: options.lateDataSeconds }),
  });
  const refreshSeconds = Math.max(1, options.refreshSeconds);
  const ticks = Math.max(1, Math.round(HORIZON_SECONDS / refreshSeconds));
  const first = await source.fetchSeries(build(clock));
  let calls = 0;
  let metrics = 0;
  for (let i = 0; i < ticks; i++) {
    clock += refreshSeconds * 1000;
    // A turn of the event loop between refreshes, so a screen working out its bill stays responsive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const report = await source.fetchSeries(build(clock));
    calls += report.calls;
    metrics += report.metrics ?? 0;
  }
  return {
    firstLoad: { calls: first.calls, metrics: first.metrics ?? 0 },
    steady: { calls: calls / ticks, metrics: metrics / ticks },
  };
}

/** A CloudWatch that plans as the real source does and has a datapoint in every period up to now. */
function standIn(now: () => number): MetricsSource {
  return {
    async fetchSeries(requests: SeriesRequest[]): Promise<FetchReport> {
      const plan = planQueries(requests, { now: now() });
      const queries = plan.batches.flatMap((b) => b.queries);
      const results: Record<string, SeriesResult> = {};
      for (const request of requests) {
        const output = plan.outputs[request.ref];
        if (!output) continue;
        const step = output.period * 1000;
        const points: Series['points'] = [];
        for (let t = output.window.start; t < Math.min(output.window.end, now()); t += step) {
          points.push({ t, v: 1 });
        }
        const components: Record<string, Series> = {};
        for (const name of Object.keys(output.componentIds)) components[name] = { label: name, points };
        results[request.ref] = {
          ref: request.ref,
          series: [{ label: request.ref, points }],
          components,
          period: output.period,
          complete: true,
          messages: [],
        };
      }
      return {
        results,
        calls: plan.batches.length,
        queries: queries.length,
        metrics: queries.filter((q) => q.MetricStat).length,
        fetchedAt: now(),
      };
    },
    describeAlarms: async () => [],
  };
}
