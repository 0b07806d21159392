import { createRoute, lazyRouteComponent, useNavigate } from '@tanstack/react-router';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useConnection } from '../../features/connect/connection-context';
import { deskRoute } from './desk-routes';

/** Where the deployment's credentials come from, and "check connection". */
export const connectRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/connect',
  // Loaded when opened: the connection screen is not needed by a wall or a dashboard.
  component: lazyRouteComponent(() => import('../../features/connect/connect-page'), 'ConnectPage'),
});

/** Cognito managed login sends the browser back here with a one-time code; it is exchanged, then removed from the URL. */
export const connectCallbackRoute = createRoute({
  getParentRoute: () => deskRoute,
  path: '/connect/callback',
  component: SignInCallback,
});

function SignInCallback(): ReactElement {
  const connection = useConnection();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const started = useRef(false);
  useEffect(() => {
    if (!connection || started.current) return;
    started.current = true;
    const callback = new URL(window.location.href);
    // The code is single-use and PKCE-bound, but it should not linger in history either.
    window.history.replaceState(null, '', window.location.pathname);
    connection.completeSignIn(callback).then(
      () => navigate({ to: '/' }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [connection, navigate]);
  return (
    <main className="page">
      <h1 className="page-title">Signing in…</h1>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : (
        <p aria-live="polite">Finishing sign-in with Amazon Cognito.</p>
      )}
    </main>
  );
}
