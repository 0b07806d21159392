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
const INDEX_FILE = 'index.yaml';

const FILE_NAME = /^[a-zA-Z0-9._-]+\.ya?ml$/;

/** A site that has not answered a dashboard file in this long is treated as unreachable for now. */
export const FILE_TIMEOUT_MS = 15_000;

/**
 * The site could not be reached for a dashboard file (network, timeout, 5xx, 429): a passing fault, not a
 * problem in the file. Thrown rather than returned, so the last good copy stays in use and the load is tried
 * again; `retryable` is what React Query's retry policy reads.
 */
export class SiteUnavailableError extends Error {
  override readonly name = 'SiteUnavailableError';
  readonly retryable = true;
  constructor(
    readonly file: string,
    /** What happened, without the file name: for messages that already name the file. */
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** Answers that say "not now" rather than "not there". */
const PASSING_STATUS = (status: number): boolean => status >= 500 || status === 408 || status === 429;

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
 * A site that cannot be reached throws SiteUnavailableError; a cancelled load rethrows the abort.
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
  // A hung request must not hold the list forever: it is abandoned after FILE_TIMEOUT_MS, told apart from
  // the caller cancelling.
  signal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), FILE_TIMEOUT_MS);
  const cancel = (): void => timeout.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  const unreachable = (cause: unknown): never => {
    if (signal?.aborted) throw cause;
    const reason = timeout.signal.aborted
      ? `no answer within ${FILE_TIMEOUT_MS / 1000} s`
      : cause instanceof Error
        ? cause.message
        : String(cause);
    throw new SiteUnavailableError(
      file,
      `could not fetch ${url} (${reason}); check the network connection and that the site is up`,
    );
  };
  try {
    const response = await fetchFn(url, { signal: timeout.signal, cache: 'no-cache' }).catch(unreachable);
    if (response.status === 404) return fail(`not found at ${url} (HTTP 404); ${fix}`);
    if (!response.ok) {
      const status = `HTTP ${response.status} ${response.statusText}`.trim();
      if (PASSING_STATUS(response.status)) {
        throw new SiteUnavailableError(
          file,
          `the server answered ${status} for ${url}; if it persists, check the web server`,
        );
      }
      return fail(`the server answered ${status} for ${url}; check the web server's configuration`);
    }
    const text = await response.text().catch(unreachable);
    if (looksLikeHtml(response, text)) {
      return fail(
        `a web page came back from ${url} instead of YAML, which means the file is not there; ${fix}`,
      );
    }
    return { ok: true, text };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
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
