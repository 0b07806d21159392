import type { ReactElement } from 'react';

/** True only for absolute http(s) URLs; `javascript:`, `data:` and every other scheme are not links here. */
function isWebUrl(text: string): boolean {
  if (!/^https?:\/\//i.test(text.trim())) return false;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link from a KPI file: rendered as a link only when it is http(s), otherwise shown as inert text. */
export function SafeLink({ href, children }: { href: string; children: string }): ReactElement {
  if (isWebUrl(href)) {
    return (
      <a href={href.trim()} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  return (
    <span className="unsafe-link">
      <code>{href}</code> (not an http(s) link, so it is shown as text)
    </span>
  );
}
