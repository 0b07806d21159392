import type { ReactElement } from 'react';
import { type DisplayStatus, STATUS_WORDS } from './status';
import { StatusIcon } from './status-icon';

/** Colour, icon and word together, in every theme. */
export function StatusBadge({ status }: { status: DisplayStatus }): ReactElement {
  return (
    <span className={`status-badge status-${status}`} data-status={status}>
      <StatusIcon status={status} />
      <span>{STATUS_WORDS[status]}</span>
    </span>
  );
}
