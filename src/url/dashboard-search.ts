const VAR_PREFIX = 'var-';
const RANGE_RE = /^now-\d+[smhdw]$/;

export interface DashboardSearch {
  range?: string;
  variables: Record<string, string>;
  /** Parameters that were present but could not be used, in words, for a non-blocking notice. */
  ignored: string[];
}

/** Reads the dashboard view from the URL; anything malformed is dropped and reported, never thrown. */
export function decodeDashboardSearch(search: Record<string, string>): DashboardSearch {
  const out: DashboardSearch = { variables: {}, ignored: [] };
  for (const [key, value] of Object.entries(search)) {
    if (key === 'range') {
      if (RANGE_RE.test(value)) out.range = value;
      else out.ignored.push(`range '${value}' is not a relative range such as now-6h`);
    } else if (key === 'fault') {
      // The demo account's fault injection (see src/data/fake-cloudwatch/browser.ts); not part of the view.
    } else if (key.startsWith(VAR_PREFIX) && /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key.slice(VAR_PREFIX.length))) {
      out.variables[key.slice(VAR_PREFIX.length)] = value;
    } else {
      out.ignored.push(`unknown parameter '${key}'`);
    }
  }
  return out;
}

/** Writes the dashboard view back to flat search params. */
export function encodeDashboardSearch(view: {
  range?: string;
  variables: Record<string, string>;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (view.range) out.range = view.range;
  for (const [name, value] of Object.entries(view.variables)) out[`${VAR_PREFIX}${name}`] = value;
  return out;
}
