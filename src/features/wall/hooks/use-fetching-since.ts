import { useEffect, useRef } from 'react';

/** When the refresh now in flight started (undefined when idle), to tell a slow answer from a quick one. */
export function useFetchingSince(isFetching: boolean): number | undefined {
  const since = useRef<number | undefined>(undefined);
  useEffect(() => {
    since.current = isFetching ? (since.current ?? Date.now()) : undefined;
  }, [isFetching]);
  return isFetching ? since.current : undefined;
}
