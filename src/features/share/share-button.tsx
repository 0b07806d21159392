import { useLocation } from '@tanstack/react-router';
import { type ReactElement, useId, useRef, useState } from 'react';
import type { TimeWindow } from '../../domain/series';
import { formatInstant } from '../../domain/time/range';
import { buildShareUrl, type ScreenView } from './share-link';
import './share.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text with the Clipboard API; false where the browser refuses (no permission, insecure context). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Share: one click copies the link to this exact view and says so; the panel it opens shows the link in a
 * text field as well (the fallback where copying is blocked). "Freeze time" pins a relative range to the
 * window on screen, and "Copy link" copies again.
 */
export function ShareButton({
  view,
  screenWindow,
}: {
  view: ScreenView;
  screenWindow?: TimeWindow;
}): ReactElement {
  const location = useLocation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [freeze, setFreeze] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const button = useRef<HTMLButtonElement>(null);
  const absolute = view.state.range?.kind === 'absolute';
  const hash = location.hash.replace(/^#/, '');
  const url = buildShareUrl({
    origin: window.location.origin,
    path: location.pathname,
    view,
    ...(freeze && !absolute && screenWindow ? { freezeWindow: screenWindow } : {}),
    ...(hash ? { hash } : {}),
  });
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="share">
      <button
        ref={button}
        type="button"
        className="share-toggle"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={async () => {
          if (open) {
            setOpen(false);
            return;
          }
          // One click copies the link to this view as it is, and opens the panel that says so (with the
          // link in a field where the browser refuses, and "freeze time" for a link to these minutes).
          setOpen(true);
          setCopy('idle');
          setCopy((await copyText(url)) ? 'copied' : 'failed');
        }}
      >
        Share
      </button>
      {open && (
        <section
          id={`${id}-panel`}
          className="share-panel"
          aria-label="Share this view"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <label className="share-freeze">
            <input
              type="checkbox"
              checked={freeze || absolute}
              disabled={absolute || !screenWindow}
              onChange={(e) => {
                setFreeze(e.target.checked);
                setCopy('idle');
              }}
            />
            Freeze time
          </label>
          <p className="share-hint">
            {absolute
              ? 'This view already shows fixed times, so the link does too.'
              : freeze && screenWindow
                ? `The link shows ${formatInstant(screenWindow.start)} to ${formatInstant(screenWindow.end)}, whenever it is opened.`
                : 'The link shows the latest data when it is opened. Freeze time to send these exact minutes.'}
          </p>
          <label className="share-url">
            <span>Link to this view</span>
            <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="share-row">
            <button
              type="button"
              onClick={async () => {
                setCopy((await copyText(url)) ? 'copied' : 'failed');
              }}
            >
              Copy link
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
          <p className="share-status" role="status">
            {copy === 'copied'
              ? 'Link copied.'
              : copy === 'failed'
                ? 'This browser did not let the page copy. Select the link above and copy it with Ctrl+C (⌘C on a Mac).'
                : ''}
          </p>
        </section>
      )}
    </div>
  );
}
