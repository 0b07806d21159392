import { useEffect } from 'react';
import type { RiskStatus } from '../../domain/risk';

const FAVICON_COLOURS: Record<RiskStatus, string> = {
  ok: '#2bb88f',
  unknown: '#9aa6b2',
  'no-data': '#9aa6b2',
  'at-risk': '#f0b429',
  error: '#e58cc6',
  breached: '#ff6b4a',
};

/** "(2) Checkout — Bellwether": the number of outcomes at risk or breached, so a background tab tells the truth. */
function documentTitle(title: string, outcomesAtRisk: number): string {
  return `${outcomesAtRisk > 0 ? `(${outcomesAtRisk}) ` : ''}${title} — Bellwether`;
}

/** A favicon in the colour and shape of the worst status (a dot for ok, a triangle for risk, an octagon for breach). */
function faviconHref(status: RiskStatus): string {
  const colour = FAVICON_COLOURS[status];
  const shape =
    status === 'breached'
      ? `<path d="M10 1h12l9 9v12l-9 9H10l-9-9V10z" fill="${colour}"/>`
      : status === 'at-risk'
        ? `<path d="M16 2l15 28H1z" fill="${colour}"/>`
        : `<circle cx="16" cy="16" r="14" fill="${colour}"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">${shape}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Keeps the tab's title and favicon in step with the dashboard's worst outcome. */
export function useDocumentStatus(
  title: string,
  outcomesAtRisk: number,
  worst: RiskStatus | undefined,
): void {
  useEffect(() => {
    document.title = documentTitle(title, outcomesAtRisk);
  }, [title, outcomesAtRisk]);
  useEffect(() => {
    if (!worst) return;
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'icon';
      document.head.append(link);
    }
    link.type = 'image/svg+xml';
    link.href = faviconHref(worst);
  }, [worst]);
  useEffect(
    () => () => {
      document.title = 'Bellwether';
    },
    [],
  );
}
