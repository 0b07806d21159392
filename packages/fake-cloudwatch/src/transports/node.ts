import { type SetupServer, setupServer } from 'msw/node';
import type { FakeCloudWatch } from '../core/account';
import { cloudWatchHandlers } from './msw';

/**
 * What msw 2.15's setupServer returns (its `SetupServer` interface: listen, use, resetHandlers, close…);
 * msw's own `SetupServerApi` is a class that setupServer does not return, so this name stands for it.
 */
export type SetupServerApi = SetupServer;

/** Starts msw/node with the account's handlers; unhandled requests fail loudly so tests never leak to AWS. */
export function startFakeCloudWatchServer(fake: FakeCloudWatch): SetupServerApi {
  const server = setupServer(...cloudWatchHandlers(fake));
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
