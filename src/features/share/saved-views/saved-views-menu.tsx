import { useLocation, useRouter } from '@tanstack/react-router';
import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { stringifyFlatSearch } from '../../../url/search-params';
import { type ScreenView, screenViewParams } from '../share-link';
import {
  deleteView,
  type KeyValueStore,
  loadSavedViews,
  renameView,
  type SavedView,
  saveView,
} from './saved-views-store';
import '../share.css';

function browserStore(): KeyValueStore | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Name and save the view on screen; list, open, rename and delete saved views (kept in this browser only). */
export function SavedViewsMenu({ view: screenView }: { view: ScreenView }): ReactElement {
  const id = useId();
  const location = useLocation();
  const router = useRouter();
  const store = browserStore();
  const [open, setOpen] = useState(false);
  const [views, setViews] = useState<SavedView[]>(() => (store ? loadSavedViews(store) : []));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string; error?: string } | null>(null);

  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (!store) {
      setError('This browser does not let the page keep saved views.');
      return;
    }
    const result = saveView(store, {
      name,
      path: location.pathname,
      search: screenViewParams(screenView),
      now: Date.now(),
      id: newId(),
    });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setViews(result.views);
    setStatus(`Saved “${name.trim()}”.`);
    setName('');
    setError(undefined);
  };
  const openView = (view: SavedView): void => {
    setOpen(false);
    router.history.push(`${view.path}${stringifyFlatSearch(view.search)}`);
  };

  return (
    <div className="saved-views">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => {
          if (!open && store) setViews(loadSavedViews(store));
          setOpen(!open);
          setStatus('');
        }}
      >
        Saved views
      </button>
      {open && (
        <section
          id={`${id}-panel`}
          className="saved-views-panel"
          aria-label="Saved views"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <form className="saved-views-form" onSubmit={save}>
            <label>
              <span>Name this view</span>
              <input type="text" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="submit">Save view</button>
          </form>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <p className="saved-views-note">
            Saved in this browser only: the page, time range, time zone, variables, KPI filter and order.
          </p>
          {views.length === 0 ? (
            <p className="saved-views-note">No saved views yet.</p>
          ) : (
            <ul className="saved-views-list" aria-label="Your saved views">
              {views.map((view) => (
                <li key={view.id}>
                  {renaming?.id === view.id ? (
                    <form
                      className="saved-views-form"
                      onSubmit={(e) => {
                        e.preventDefault();
                        if (!store) return;
                        const result = renameView(store, view.id, renaming.name);
                        if (!result.ok) {
                          setRenaming({ ...renaming, error: result.error });
                          return;
                        }
                        setViews(result.views);
                        setRenaming(null);
                        setStatus(`Renamed to “${renaming.name.trim()}”.`);
                      }}
                    >
                      <label>
                        <span>New name for “{view.name}”</span>
                        <input
                          type="text"
                          value={renaming.name}
                          maxLength={80}
                          onChange={(e) => setRenaming({ ...renaming, name: e.target.value })}
                        />
                      </label>
                      <button type="submit">Rename</button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                      {renaming.error && (
                        <p className="form-error" role="alert">
                          {renaming.error}
                        </p>
                      )}
                    </form>
                  ) : (
                    <>
                      <button type="button" className="saved-view-open" onClick={() => openView(view)}>
                        {view.name}
                      </button>
                      <button
                        type="button"
                        aria-label={`Rename ${view.name}`}
                        onClick={() => setRenaming({ id: view.id, name: view.name })}
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        aria-label={`Delete ${view.name}`}
                        onClick={() => {
                          if (!store) return;
                          setViews(deleteView(store, view.id));
                          setStatus(`Deleted “${view.name}”.`);
                        }}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p className="share-status" role="status">
            {status}
          </p>
        </section>
      )}
    </div>
  );
}
