import { createRootRoute, type ErrorComponentProps, Link, Outlet } from '@tanstack/react-router';
import type { ReactElement } from 'react';

/** The brand and a way home, for pages shown outside the desk layout (which has its own header). */
function Header(): ReactElement {
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        Bellwether
      </Link>
    </header>
  );
}

function NotFound(): ReactElement {
  return (
    <>
      <Header />
      <main className="page">
        <h1 className="page-title">Page not found</h1>
        <p>
          There is nothing at this address. <Link to="/">See all dashboards</Link>.
        </p>
      </main>
    </>
  );
}

/**
 * A screen that failed while rendering, said plainly with a way on instead of a blank page; every route's
 * default (router.tsx), inside whatever layout the route has.
 */
export function PageError({ reset }: ErrorComponentProps): ReactElement {
  return (
    <main className="page">
      <h1 className="page-title">This page could not be shown</h1>
      <p className="notice notice-error" role="alert">
        Something in this address or its data could not be displayed.
      </p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <Link to="/">see all dashboards</Link>.
      </p>
    </main>
  );
}

function RootError(props: ErrorComponentProps): ReactElement {
  return (
    <>
      <Header />
      <PageError {...props} />
    </>
  );
}

/** The root has no chrome of its own: desk screens add a header, the wall adds none. */
export const rootRoute = createRootRoute({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RootError,
});
