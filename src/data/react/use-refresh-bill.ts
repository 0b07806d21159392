import { useEffect, useState } from 'react';
import type { RefreshForecast } from '../refresh-forecast';
import type { UsageSummary } from '../usage-log';
import { usePricing, useUsageLog } from './metrics-source-context';

/** What a screen of a dashboard costs in GetMetricData, from its first refresh on. */
export interface RefreshBill {
  /** Metrics a refresh asks for in the long run: the forecast of the view on screen. */
  steadyMetrics: number;
  /** What the first load asked for, measured. */
  firstLoadMetrics?: number;
  pricePer1000: number;
  /** True when config.json set the price; false for the documented default. */
  priceConfigured: boolean;
  summary: UsageSummary;
}

/**
 * The bill of a dashboard's refreshes: the steady state forecast for the view its last refresh was for
 * (src/data/refresh-forecast.ts), so the honest figure shows from the first refresh rather than the
 * first load's, which the series cache makes far dearer than the refreshes after it. Undefined until the
 * dashboard has refreshed once and the forecast is worked out; when the view changes (a long page that
 * fetched more as it scrolled, another range), the last figure stays until the new one is.
 */
export function useRefreshBill(dashboardId: string): RefreshBill | undefined {
  const usage = useUsageLog();
  const pricing = usePricing();
  const summary = usage.summary(dashboardId);
  const version = summary.refreshes > 0 ? usage.viewVersion(dashboardId) : undefined;
  const [forecast, setForecast] = useState<{
    dashboardId: string;
    version: number;
    value: RefreshForecast;
  }>();
  useEffect(() => {
    if (version === undefined) return;
    let live = true;
    // Worked out when the page is idle, so the screen paints what it fetched first.
    const cancel = whenIdle(() => {
      usage.forecast(dashboardId, Date.now())?.then(
        (value) => {
          if (live) setForecast({ dashboardId, version, value });
        },
        () => undefined,
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [version, dashboardId, usage]);
  if (!forecast || forecast.dashboardId !== dashboardId || version === undefined) return undefined;
  return {
    steadyMetrics: forecast.value.steady.metrics,
    ...(summary.firstLoad ? { firstLoadMetrics: summary.firstLoad.metrics } : {}),
    pricePer1000: pricing.per1000Metrics,
    priceConfigured: pricing.configured,
    summary,
  };
}

/** Runs `work` when the main thread is idle (within 2 s), or on the next turn where idle time is unknown. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
