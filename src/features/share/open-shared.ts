import { parseDashboard } from '../../domain/kpi/parse-dashboard';
import type { ParsedDashboard } from '../../domain/kpi/parse-result';
import { type AdhocError, decodeAdhocDashboard } from './adhoc-link';

/** The name errors use for a dashboard that came from a link without the name of the file it was made from. */
export const SHARED_FILE_NAME = 'shared-link.yaml';

/** First line an imported file is packed with, so its errors name it; stripped before parsing. */
const NAME_LINE = '# bellwether-file: ';
const FILE_NAME = /^[A-Za-z0-9._ ()+-]{1,96}\.ya?ml$/;

/** The YAML to pack for a file opened from disk: its own name travels with it, on a first line. */
export function withFileName(file: string, yaml: string): string {
  return FILE_NAME.test(file) ? `${NAME_LINE}${file}\n${yaml}` : yaml;
}

/** Splits the name line off again; the lines of the YAML are the file's own, so errors point at them. */
export function splitFileName(text: string): { file: string; yaml: string } {
  if (!text.startsWith(NAME_LINE)) return { file: SHARED_FILE_NAME, yaml: text };
  const end = text.indexOf('\n');
  const name = text.slice(NAME_LINE.length, end < 0 ? undefined : end).trim();
  if (!FILE_NAME.test(name)) return { file: SHARED_FILE_NAME, yaml: text };
  return { file: name, yaml: end < 0 ? '' : text.slice(end + 1) };
}

/** A dashboard from a link, unpacked and checked: the YAML (as its author wrote it) and what it parsed to. */
export type OpenedShared =
  | { ok: true; file: string; yaml: string; parsed: ParsedDashboard }
  | { ok: false; error: AdhocError };

/**
 * Unpacks and parses the dashboard a `#d=` payload carries. Never throws. The page runs it in a worker
 * (open-shared-client.ts) so no link can hold the main thread; tests and Node call it directly.
 */
export async function openSharedPayload(payload: string): Promise<OpenedShared> {
  const decoded = await decodeAdhocDashboard(payload);
  if (!decoded.ok) return decoded;
  const { file, yaml } = splitFileName(decoded.yaml);
  return { ok: true, file, yaml, parsed: parseDashboard(file, yaml) };
}
