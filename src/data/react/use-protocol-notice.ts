import { useSyncExternalStore } from 'react';
import { type ProtocolNotice, wireProtocol } from '../cloudwatch/wire-protocol';

/** The one-time notice that this session switched to CloudWatch's query protocol, until dismissed. */
export function useProtocolNotice(): { notice?: ProtocolNotice; dismiss: () => void } {
  const state = useSyncExternalStore(wireProtocol.subscribe, wireProtocol.state);
  return { ...(state.notice ? { notice: state.notice } : {}), dismiss: () => wireProtocol.dismissNotice() };
}
