import { createContext, type ReactElement, type ReactNode, useContext, useMemo, useState } from 'react';
import { DEFAULT_PRICE_PER_1000_METRICS } from '../../domain/cost/cost';
import type { MetricsSource } from '../metrics-source';
import { createUsageLog, type UsageLog } from '../usage-log';

/** The price GetMetricData is billed at: config.json's `pricePer1000Metrics`, else the documented default. */
export interface Pricing {
  /** USD per 1,000 metrics requested. */
  per1000Metrics: number;
  /** True when the deployment set it; false when it is the documented default. */
  configured: boolean;
}

const DEFAULT_PRICING: Pricing = { per1000Metrics: DEFAULT_PRICE_PER_1000_METRICS, configured: false };

interface SourceContext {
  source: MetricsSource;
  usage: UsageLog;
  pricing: Pricing;
}

const MetricsSourceContext = createContext<SourceContext | null>(null);

/**
 * Makes the one chosen metrics source (demo, real account, loopback) available to every screen, with
 * the log of what the app has asked of it since the page loaded.
 */
export function MetricsSourceProvider({
  source,
  pricing = DEFAULT_PRICING,
  children,
}: {
  source: MetricsSource;
  pricing?: Pricing;
  children: ReactNode;
}): ReactElement {
  const [usage] = useState(createUsageLog);
  const value = useMemo(() => ({ source, usage, pricing }), [source, usage, pricing]);
  return <MetricsSourceContext.Provider value={value}>{children}</MetricsSourceContext.Provider>;
}

function useSourceContext(): SourceContext {
  const context = useContext(MetricsSourceContext);
  if (!context) throw new Error('the metrics source needs a MetricsSourceProvider above it');
  return context;
}

/** The metrics source chosen at start-up; screens never know which one it is. */
export function useMetricsSource(): MetricsSource {
  return useSourceContext().source;
}

/** Calls, metrics, latencies and errors of every dashboard's refreshes since the page loaded. */
export function useUsageLog(): UsageLog {
  return useSourceContext().usage;
}

/** What GetMetricData costs this deployment, for the desk header, the drill-down and /status. */
export function usePricing(): Pricing {
  return useSourceContext().pricing;
}
