import type { ReactElement } from 'react';
import { StatusBadge } from './status-badge';

/** A KPI that could not be read or fetched: named, with every message, so the rest of the page carries on. */
export function ErrorTile({ title, messages }: { title: string; messages: string[] }): ReactElement {
  return (
    <article className="kpi-tile tone-error error-tile" aria-label={`${title}: error`}>
      <header className="kpi-tile-head">
        <h3 className="kpi-title">{title}</h3>
        <StatusBadge status="error" />
      </header>
      <ul className="error-messages">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </article>
  );
}
