import type { ReactElement } from 'react';
import type { DisplayStatus } from './status';

/** A distinct shape per status (check, triangle, octagon, circle, diamond, ring), readable without colour. */
export function StatusIcon({ status, size = '1em' }: { status: DisplayStatus; size?: string }): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className="status-icon"
    >
      {status === 'ok' && (
        <path
          d="M3 8.5l3.2 3.2L13 4.8"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
      )}
      {status === 'at-risk' && (
        <>
          <path d="M8 1.5L15 14H1z" fill="currentColor" />
          <path
            d="M8 6v4M8 11.6v.4"
            stroke="var(--status-icon-ink)"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </>
      )}
      {status === 'breached' && (
        <>
          <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
          <path
            d="M5.5 5.5l5 5M10.5 5.5l-5 5"
            stroke="var(--status-icon-ink)"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </>
      )}
      {status === 'no-data' && (
        <circle
          cx="8"
          cy="8"
          r="6"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeDasharray="3 2.2"
        />
      )}
      {status === 'error' && (
        <>
          <path d="M8 1l7 7-7 7-7-7z" fill="currentColor" />
          <path
            d="M8 4.5v4.2M8 10.8v.4"
            stroke="var(--status-icon-ink)"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </>
      )}
      {status === 'unknown' && (
        <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
      )}
    </svg>
  );
}
