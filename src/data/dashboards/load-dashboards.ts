import type { ConfigError } from '../../domain/kpi/config-error';
import { parseDashboard } from '../../domain/kpi/parse-dashboard';
import { parseDashboardIndex } from '../../domain/kpi/parse-dashboard-index';
import type { ParsedDashboard, ParsedDashboardIndex } from '../../domain/kpi/parse-result';

/** The slice of `fetch` the loaders use, so tests can pass a fake. */
export type FetchFn = (
  url: string,
  init: { signal?: AbortSignal; cache?: RequestCache },
) => Promise<Response>;

/** The index of dashboards sits next to them. */
export const INDEX_FILE = 'index.yaml';

const FILE_NAME = /^[a-zA-Z0-9._-]+\.ya?ml$/;

/** Where the site serves dashboard files: `public/dashboards/` in the repo, under Vite's base URL. */
export function defaultDashboardsBaseUrl(): string {
  return `${import.meta.env.BASE_URL}dashboards/`;
}

type Fetched = { ok: true; text: string } | { ok: false; error: ConfigError };

function looksLikeHtml(response: Response, text: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  return type.includes('text/html') || /^\s*<(!doctype|html)/i.test(text);
}

/**
 * Fetches a file's text, or a ConfigError that names the file and says what to do. Static hosts and the
 * Vite dev server answer a missing file with the app's index.html, so an HTML answer counts as missing.
 */
async function fetchText(
  baseUrl: string,
  file: string,
  fetchFn: FetchFn,
  signal?: AbortSignal,
): Promise<Fetched> {
  const url = `${baseUrl}${encodeURIComponent(file)}`;
  const fail = (message: string): Fetched => ({ ok: false, error: { file, path: '', message } });
  const fix =
    file === INDEX_FILE
      ? `create it in the site's dashboards/ folder (public/dashboards/ in the repository), listing files under dashboards:`
      : `add the file to the site's dashboards/ folder (public/dashboards/ in the repository) or correct its name in ${INDEX_FILE}`;
  let response: Response;
  try {
    response = await fetchFn(url, { signal, cache: 'no-cache' });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    return fail(
      `could not fetch ${url} (${reason}); check the network connection and that the site is up, then reload`,
    );
  }
  if (response.status === 404) return fail(`not found at ${url} (HTTP 404); ${fix}`);
  if (!response.ok) {
    const status = `HTTP ${response.status} ${response.statusText}`.trim();
    return fail(`the server answered ${status} for ${url}; reload, and if it persists check the web server`);
  }
  const text = await response.text();
  if (looksLikeHtml(response, text)) {
    return fail(
      `a web page came back from ${url} instead of YAML, which means the file is not there; ${fix}`,
    );
  }
  return { ok: true, text };
}

/** Loads and checks dashboards/index.yaml, the list of dashboards the app offers. */
export async function loadDashboardIndex(
  baseUrl: string,
  fetchFn: FetchFn,
  signal?: AbortSignal,
): Promise<ParsedDashboardIndex> {
  const fetched = await fetchText(baseUrl, INDEX_FILE, fetchFn, signal);
  if (!fetched.ok) return { ok: false, file: INDEX_FILE, errors: [fetched.error] };
  return parseDashboardIndex(INDEX_FILE, fetched.text);
}

/**
 * Loads and checks one dashboard at run time, so editing a KPI needs no rebuild. The file name usually
 * comes from the URL, so anything that is not a plain file name is refused before any request is made.
 */
export async function loadDashboard(
  baseUrl: string,
  file: string,
  fetchFn: FetchFn,
  signal?: AbortSignal,
): Promise<ParsedDashboard> {
  if (!FILE_NAME.test(file)) {
    const message =
      'not a dashboard file name; use letters, digits, ., _ and - ending in .yaml, such as checkout.yaml';
    return { ok: false, file, errors: [{ file, path: '', message }] };
  }
  const fetched = await fetchText(baseUrl, file, fetchFn, signal);
  if (!fetched.ok) return { ok: false, file, errors: [fetched.error] };
  return parseDashboard(file, fetched.text);
}
