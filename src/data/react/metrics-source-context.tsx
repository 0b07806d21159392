import { createContext, type ReactElement, type ReactNode, useContext, useMemo, useState } from 'react';
import type { MetricsSource } from '../metrics-source';
import { createUsageLog, type UsageLog } from '../usage-log';

const MetricsSourceContext = createContext<{ source: MetricsSource; usage: UsageLog } | null>(null);

/**
 * Makes the one chosen metrics source (demo, real account, loopback) available to every screen, with
 * the log of what the app has asked of it since the page loaded.
 */
export function MetricsSourceProvider({
  source,
  children,
}: {
  source: MetricsSource;
  children: ReactNode;
}): ReactElement {
  const [usage] = useState(createUsageLog);
  const value = useMemo(() => ({ source, usage }), [source, usage]);
  return <MetricsSourceContext.Provider value={value}>{children}</MetricsSourceContext.Provider>;
}

function useSourceContext(): { source: MetricsSource; usage: UsageLog } {
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
