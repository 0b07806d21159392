import type { ReactElement } from 'react';
import { MAX_LINK_PAYLOAD_CHARS } from './adhoc-link';

/** Says plainly that this dashboard came from a link, not from the site's reviewed files. */
export function AdhocBanner({
  region,
  payloadChars,
}: {
  region: string;
  payloadChars: number;
}): ReactElement {
  return (
    <div className="notice adhoc-banner" role="note" aria-label="Dashboard from a link">
      <strong>This dashboard came from a link</strong>, not from this site’s reviewed dashboard files. It was
      checked like any dashboard file; its queries run with your access in region <code>{region}</code>. The
      link carries {payloadChars.toLocaleString('en')} of at most{' '}
      {MAX_LINK_PAYLOAD_CHARS.toLocaleString('en')} characters.
    </div>
  );
}
