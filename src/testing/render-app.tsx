import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeCloudWatch, type FakeCloudWatch } from '@bellwether/fake-cloudwatch';
import { cloudWatchHandlers } from '@bellwether/fake-cloudwatch/msw';
import { createMemoryHistory } from '@tanstack/react-router';
import { type RenderResult, render } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { App } from '../app/app';
import { createQueryClient } from '../app/query-client';
import { createAppRouter } from '../app/router';
import { createMetricsSource } from '../data/source-config';

const DASHBOARDS_DIR = join(import.meta.dirname, '../../public/dashboards');

export interface AppHarness {
  fake: FakeCloudWatch;
  /** Replaces a dashboard file's text for the current test (e.g. to break one KPI). */
  overrideFile(name: string, text: string): void;
  /** Makes the site fail to serve a dashboard file (index.yaml included) until `restoreFile`. */
  failFile(name: string, how: 'network' | 503): void;
  restoreFile(name: string): void;
  render(path: string): RenderResult;
}

/**
 * The whole app in jsdom: dashboard files served from public/dashboards over HTTP and the simulated
 * account answering the real SDK, both through msw/node, so component tests cross the same seams as users.
 */
export function setupAppHarness(): AppHarness {
  const fake = createFakeCloudWatch();
  const overrides = new Map<string, string>();
  const failing = new Map<string, 'network' | 503>();
  const files = http.get('*/dashboards/:file', ({ params }) => {
    const name = String(params.file);
    const fault = failing.get(name);
    if (fault === 'network') return HttpResponse.error();
    if (fault === 503) return new HttpResponse('Service Unavailable', { status: 503 });
    const text = overrides.get(name) ?? readDashboardFile(name);
    return text === undefined ? new HttpResponse('Not found', { status: 404 }) : new HttpResponse(text);
  });
  const server = setupServer(files, ...cloudWatchHandlers(fake));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    overrides.clear();
    failing.clear();
    fake.faults.clear();
    fake.defaultLabel = undefined;
  });
  afterAll(() => server.close());
  return {
    fake,
    overrideFile: (name, text) => overrides.set(name, text),
    failFile: (name, how) => failing.set(name, how),
    restoreFile: (name) => failing.delete(name),
    render: (path) => {
      const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
      const queryClient = createQueryClient();
      return render(
        <App source={createMetricsSource({ kind: 'demo' })} queryClient={queryClient} router={router} />,
      );
    },
  };
}

/** The shipped example dashboard file, or undefined when there is none by that name. */
export function readDashboardFile(name: string): string | undefined {
  if (!/^[a-z0-9-]+\.yaml$/.test(name)) return undefined;
  try {
    return readFileSync(join(DASHBOARDS_DIR, name), 'utf8');
  } catch {
    return undefined;
  }
}
