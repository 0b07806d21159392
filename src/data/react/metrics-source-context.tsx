import { createContext, type ReactElement, type ReactNode, useContext } from 'react';
import type { MetricsSource } from '../metrics-source';

const MetricsSourceContext = createContext<MetricsSource | null>(null);

/** Makes the one chosen metrics source (demo, real account, loopback) available to every screen. */
export function MetricsSourceProvider({
  source,
  children,
}: {
  source: MetricsSource;
  children: ReactNode;
}): ReactElement {
  return <MetricsSourceContext.Provider value={source}>{children}</MetricsSourceContext.Provider>;
}

/** The metrics source chosen at start-up; screens never know which one it is. */
export function useMetricsSource(): MetricsSource {
  const source = useContext(MetricsSourceContext);
  if (!source) throw new Error('useMetricsSource needs a MetricsSourceProvider above it');
  return source;
}
