/** Durations are written like CloudWatch and Grafana users write them: 30s, 5m, 1h, 3d, 2w. */

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
type DurationUnit = keyof typeof UNIT_SECONDS;

const DURATION_RE = /^(\d+)\s*(s|m|h|d|w)$/;

/** Parses "5m" into 300 seconds; returns undefined for anything that is not a positive duration. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION_RE.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const seconds = amount * UNIT_SECONDS[match[2] as DurationUnit];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** Formats seconds in the largest whole unit, so 3600 reads "1h" and 90 reads "90s". */
export function formatDuration(seconds: number): string {
  const units: DurationUnit[] = ['w', 'd', 'h', 'm', 's'];
  for (const unit of units) {
    const size = UNIT_SECONDS[unit];
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Human words for a span, e.g. "about 2 h 5 min", used in reasons and staleness notices. */
export function describeSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const restMinutes = minutes % 60;
  if (hours < 48) return restMinutes === 0 ? `${hours} h` : `${hours} h ${restMinutes} min`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}
