import { useEffect, useRef, useState } from 'react';
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
 * dashboard has refreshed once and the forecast is worked out.
 */
export function useRefreshBill(dashboardId: string): RefreshBill | undefined {
  const usage = useUsageLog();
  const pricing = usePricing();
  const summary = usage.summary(dashboardId);
  const [forecast, setForecast] = useState<{ of: Promise<RefreshForecast>; value: RefreshForecast }>();
  const asked = useRef<Promise<RefreshForecast>>(undefined);
  const pending = summary.refreshes > 0 ? usage.forecast(dashboardId, Date.now()) : undefined;
  useEffect(() => {
    if (!pending || asked.current === pending) return;
    asked.current = pending;
    let live = true;
    pending.then(
      (value) => {
        if (live) setForecast({ of: pending, value });
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (asked.current === pending) asked.current = undefined;
    };
  }, [pending]);
  if (!forecast || forecast.of !== pending) return undefined;
  return {
    steadyMetrics: forecast.value.steady.metrics,
    ...(summary.firstLoad ? { firstLoadMetrics: summary.firstLoad.metrics } : {}),
    pricePer1000: pricing.per1000Metrics,
    priceConfigured: pricing.configured,
    summary,
  };
}
