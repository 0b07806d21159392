import type { ReactElement } from 'react';

/** A clock face: the shape says "old data" without colour. */
export function StaleIcon(): ReactElement {
  return (
    <svg
      width="1em"
      height="1em"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className="status-icon"
    >
      <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M8 4.2V8l2.6 1.8" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

/** Shown instead of a verdict when the data is too old to judge: the word, a clock, and how old. */
export function StaleBadge({ age }: { age: string }): ReactElement {
  return (
    <span className="status-badge status-stale" data-status="stale">
      <StaleIcon />
      <span>Stale · {age}</span>
    </span>
  );
}
