import { createRootRoute, Link, Outlet } from '@tanstack/react-router';
import type { ReactElement } from 'react';

function NotFound(): ReactElement {
  return (
    <main className="page">
      <h1 className="page-title">Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">See all dashboards</Link>.
      </p>
    </main>
  );
}

/** The root has no chrome of its own: desk screens add a header, the wall adds none. */
export const rootRoute = createRootRoute({ component: Outlet, notFoundComponent: NotFound });
