import type { TimeWindow } from '../../domain/series';
import { formatRange, parseRange } from '../../domain/time/range';
import { decodeDrilldownSearch, encodeDrilldownSearch } from '../../url/dashboard-search';
import { stringifyFlatSearch } from '../../url/search-params';
import { looksLikeSecret } from '../../url/secrets';

/** Paths a view can live at; anything else is never written into a link or a saved view. */
const VIEW_PATH =
  /^\/(d\/[a-z0-9][a-z0-9-]{0,63}(\/k\/[a-z0-9][a-z0-9-]{0,63})?|shared(\/k\/[a-z0-9][a-z0-9-]{0,63})?)$/;

/** True for the app's own view paths, so a saved view can never point somewhere else. */
export function isViewPath(path: string): boolean {
  return VIEW_PATH.test(path);
}

/**
 * The parameters that define a view, re-read through the URL codecs: only known, valid parameters survive,
 * so nothing else in the address (a token, a key, tracking) ever travels in a link or a saved view.
 */
export function viewParams(search: Record<string, unknown>): Record<string, string> {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, String(v)]));
  const { ignored: _ignored, ...view } = decodeDrilldownSearch(
    Object.fromEntries(Object.entries(flat).filter(([k]) => k !== 'q' && k !== 'sort')),
  );
  const extra: Record<string, string> = {};
  // q and sort belong to the dashboard; the drill-down codec does not read them, so carry them here.
  if (flat.q && !looksLikeSecret(flat.q)) extra.q = flat.q.slice(0, 100);
  if (flat.sort === 'status' || flat.sort === 'title') extra.sort = flat.sort;
  return { ...encodeDrilldownSearch(view), ...extra };
}

/** "Freeze time": a relative range becomes the absolute window on screen, so the link shows the same minutes later. */
function freezeRange(params: Record<string, string>, window: TimeWindow): Record<string, string> {
  const current = params.range ? parseRange(params.range) : undefined;
  if (current?.ok && current.range.kind === 'absolute') return params;
  return { ...params, range: formatRange({ kind: 'absolute', start: window.start, end: window.end }) };
}

/** The link to share: origin, view path, only the view's parameters, and the fragment when it carries a dashboard. */
export function buildShareUrl(input: {
  origin: string;
  path: string;
  search: Record<string, unknown>;
  freezeWindow?: TimeWindow;
  hash?: string;
}): string {
  const params = viewParams(input.search);
  const final = input.freezeWindow ? freezeRange(params, input.freezeWindow) : params;
  const fragment = input.hash && /^d=[A-Za-z0-9_-]+$/.test(input.hash) ? `#${input.hash}` : '';
  const path = isViewPath(input.path) ? input.path : '/';
  return `${input.origin}${path}${stringifyFlatSearch(final)}${fragment}`;
}
