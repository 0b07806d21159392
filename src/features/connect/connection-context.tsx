import { createContext, type ReactElement, type ReactNode, useContext, useEffect, useState } from 'react';
import type { CheckOptions } from '../../data/cloudwatch/check-connection';
import type { Connection, ConnectionState } from '../../data/credentials/connection';

/** The client "Check connection" sends with: the demo's sealed one, or the SDK's by default. */
type CheckClient = CheckOptions['createClient'];

const ConnectionContext = createContext<{ connection: Connection; checkClient?: CheckClient } | null>(null);

/**
 * Makes the deployment's connection (config, credentials, sign-in) available to the connect screen, with
 * the client its check must use (the demo's, which sends nothing its simulated account would not answer).
 */
export function ConnectionProvider({
  connection,
  checkClient,
  children,
}: {
  connection: Connection;
  checkClient?: CheckClient;
  children: ReactNode;
}): ReactElement {
  return (
    <ConnectionContext.Provider value={checkClient ? { connection, checkClient } : { connection }}>
      {children}
    </ConnectionContext.Provider>
  );
}

/** The connection, or null in harnesses that render the app without one (they run the demo). */
export function useConnection(): Connection | null {
  return useContext(ConnectionContext)?.connection ?? null;
}

/** The client "Check connection" must send with, when the deployment says so (the demo). */
export function useCheckClient(): CheckClient | undefined {
  return useContext(ConnectionContext)?.checkClient;
}

/** The connection's state, re-rendered when credentials are pasted, forgotten or signed in. */
export function useConnectionState(connection: Connection | null): ConnectionState | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => connection?.subscribe(() => setVersion((v) => v + 1)), [connection]);
  return connection?.state();
}
