import type { TimeWindow } from '../../domain/series';
import type { TimeRange } from '../../domain/time/range';
import { stringifyFlatSearch } from '../../url/search-params';
import { type DashboardState, type DrilldownState, decodeView, encodeView } from '../../url/view-state';

/** Paths a view can live at; anything else is never written into a link or a saved view. */
const VIEW_PATH =
  /^\/(d\/[a-z0-9][a-z0-9-]{0,63}(\/k\/[a-z0-9][a-z0-9-]{0,63})?|shared(\/k\/[a-z0-9][a-z0-9-]{0,63})?)$/;

/** True for the app's own view paths, so a saved view can never point somewhere else. */
export function isViewPath(path: string): boolean {
  return VIEW_PATH.test(path);
}

/** The view on screen, typed, as its route decoded it: links and saved views re-encode it. */
export type ScreenView =
  | { route: 'dashboard'; state: DashboardState }
  | { route: 'drilldown'; state: DrilldownState };

/** The parameters that define a view, written by its route's codec: canonical, defaults left out, nothing else. */
export function screenViewParams(view: ScreenView): Record<string, string> {
  return view.route === 'dashboard'
    ? encodeView('dashboard', view.state)
    : encodeView('drilldown', view.state);
}

/**
 * Stored parameters of a view path, re-read through the view codec of the route at that path: only known,
 * valid parameters survive, so nothing else (a token, a key, tracking) is ever kept in a saved view.
 */
export function viewParams(path: string, search: Record<string, unknown>): Record<string, string> {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, String(v)]));
  return /\/k\/[^/]+$/.test(path)
    ? encodeView('drilldown', decodeView('drilldown', flat))
    : encodeView('dashboard', decodeView('dashboard', flat));
}

/** "Freeze time": a relative range becomes the absolute window on screen, so the link shows the same minutes later. */
function freeze(view: ScreenView, window: TimeWindow): ScreenView {
  if (view.state.range?.kind === 'absolute') return view;
  const range: TimeRange = { kind: 'absolute', start: window.start, end: window.end };
  return view.route === 'dashboard'
    ? { route: 'dashboard', state: { ...view.state, range } }
    : { route: 'drilldown', state: { ...view.state, range } };
}

/** The link to share: origin, view path, the view's parameters only, and the fragment when it carries a dashboard. */
export function buildShareUrl(input: {
  origin: string;
  path: string;
  view: ScreenView;
  freezeWindow?: TimeWindow;
  hash?: string;
}): string {
  const view = input.freezeWindow ? freeze(input.view, input.freezeWindow) : input.view;
  const fragment = input.hash && /^d=[A-Za-z0-9_-]+$/.test(input.hash) ? `#${input.hash}` : '';
  const path = isViewPath(input.path) ? input.path : '/';
  return `${input.origin}${path}${stringifyFlatSearch(screenViewParams(view))}${fragment}`;
}
