import { z } from 'zod';
import { isViewPath, viewParams } from '../share-link';

export const SAVED_VIEWS_KEY = 'bellwether.saved-views.v1';
const MAX_SAVED_VIEWS = 100;

const savedViewSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(80),
  path: z.string().refine(isViewPath),
  search: z.record(z.string(), z.string()),
  savedAt: z.number().finite(),
});

/** A named view: where it is and the parameters that define it, nothing else. */
export type SavedView = z.infer<typeof savedViewSchema>;

/** The part of Web Storage this needs, so tests can pass a Map-backed one. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads saved views, dropping any entry that does not validate (edited by hand, older versions). */
export function loadSavedViews(store: KeyValueStore): SavedView[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(SAVED_VIEWS_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((item) => {
      const parsed = savedViewSchema.safeParse(item);
      return parsed.success
        ? [{ ...parsed.data, search: viewParams(parsed.data.path, parsed.data.search) }]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

function write(store: KeyValueStore, views: SavedView[]): void {
  store.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
}

/** Why a name cannot be used, or undefined. */
function nameProblem(name: string, views: readonly SavedView[], exceptId?: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the view a name.';
  if (trimmed.length > 80) return 'Keep the name to 80 characters.';
  if (views.some((v) => v.id !== exceptId && v.name.toLowerCase() === trimmed.toLowerCase())) {
    return `There is already a view called “${trimmed}”.`;
  }
  return undefined;
}

/** Saves the view under a name; its parameters pass through its route's view codec, so only view settings are stored. */
export function saveView(
  store: KeyValueStore,
  input: { name: string; path: string; search: Record<string, unknown>; now: number; id: string },
): { ok: true; views: SavedView[] } | { ok: false; error: string } {
  const views = loadSavedViews(store);
  const problem = nameProblem(input.name, views);
  if (problem) return { ok: false, error: problem };
  if (!isViewPath(input.path))
    return { ok: false, error: 'Only dashboards and KPI pages can be saved as views.' };
  if (views.length >= MAX_SAVED_VIEWS)
    return { ok: false, error: `You can keep up to ${MAX_SAVED_VIEWS} views; delete one first.` };
  const view: SavedView = {
    id: input.id,
    name: input.name.trim(),
    path: input.path,
    search: viewParams(input.path, input.search),
    savedAt: input.now,
  };
  const next = [...views, view].sort((a, b) => a.name.localeCompare(b.name));
  write(store, next);
  return { ok: true, views: next };
}

/** Renames a saved view, with the same rules as saving. */
export function renameView(
  store: KeyValueStore,
  id: string,
  name: string,
): { ok: true; views: SavedView[] } | { ok: false; error: string } {
  const views = loadSavedViews(store);
  const problem = nameProblem(name, views, id);
  if (problem) return { ok: false, error: problem };
  const next = views
    .map((v) => (v.id === id ? { ...v, name: name.trim() } : v))
    .sort((a, b) => a.name.localeCompare(b.name));
  write(store, next);
  return { ok: true, views: next };
}

/** Deletes a saved view. */
export function deleteView(store: KeyValueStore, id: string): SavedView[] {
  const next = loadSavedViews(store).filter((v) => v.id !== id);
  write(store, next);
  return next;
}
