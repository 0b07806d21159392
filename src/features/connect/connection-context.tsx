import { createContext, type ReactElement, type ReactNode, useContext, useEffect, useState } from 'react';
import type { Connection, ConnectionState } from '../../data/credentials/connection';

const ConnectionContext = createContext<Connection | null>(null);

/** Makes the deployment's connection (config, credentials, sign-in) available to the connect screen. */
export function ConnectionProvider({
  connection,
  children,
}: {
  connection: Connection;
  children: ReactNode;
}): ReactElement {
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

/** The connection, or null in harnesses that render the app without one (they run the demo). */
export function useConnection(): Connection | null {
  return useContext(ConnectionContext);
}

/** The connection's state, re-rendered when credentials are pasted, forgotten or signed in. */
export function useConnectionState(connection: Connection | null): ConnectionState | undefined {
  const [, setVersion] = useState(0);
  useEffect(() => connection?.subscribe(() => setVersion((v) => v + 1)), [connection]);
  return connection?.state();
}
