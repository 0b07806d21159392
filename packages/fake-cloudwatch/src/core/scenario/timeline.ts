/**
 * When the scripted episodes happen. Everything repeats on cycles placed around an anchor (by default
 * the moment the fake was created), so a just-opened demo is always 75 minutes into the payment
 * incident, with fresh points every minute and the same history for the same anchor.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Incidents recur every 6 hours; each lasts 150 minutes. */
const INCIDENT_CYCLE = 6 * HOUR;
const INCIDENT_LENGTH = 150 * MINUTE;
/** Where "now" sits in the incident when the demo opens. */
const INCIDENT_PHASE_AT_ANCHOR = 75 * MINUTE;
const PAYMENT_RAMP = 10 * MINUTE;
const LATENCY_RAMP = 40 * MINUTE;
const RECOVERY = 5 * MINUTE;
const FLASH_SALE_START = 210 * MINUTE;
const FLASH_SALE_END = 270 * MINUTE;
const LEGACY_STOP = 50 * MINUTE;
const LEGACY_RESTART = 300 * MINUTE;
/** The cost creep runs for 20 hours of every day, starting 12 hours before the anchor, so a forecast has a clean half-day trend. */
const CREEP_CYCLE = DAY;
/**
 * Incidents that ended well before the demo opened were small blips (2 % of the severity), so a 30-day
 * SLO still has budget left while the last half day's incidents burn it fast enough to flag.
 */
const FULL_HISTORY = 12 * HOUR;
const PAST_SEVERITY = 0.02;
const CREEP_PHASE_AT_ANCHOR = 12 * HOUR;
const CREEP_LENGTH = 20 * HOUR;

export interface Timeline {
  anchor: number;
  /** 0..1: share of the Adyen payment failure episode in effect (fast ramp, 10 minutes). */
  paymentSeverity(t: number): number;
  /** 0..1: checkout latency degradation (ramps over 40 minutes). */
  latencySeverity(t: number): number;
  /** Minutes since the current incident began, or undefined outside an incident. */
  incidentMinutes(t: number): number | undefined;
  /** 0..1: a flash sale lifting orders well above the usual for that time of day. */
  flashSale(t: number): number;
  /** True while the legacy invoice exporter has stopped publishing. */
  legacyStopped(t: number): boolean;
  /** Hours the cost creep has been running (0 when it is not). */
  creepHours(t: number): number;
  /** Start of the incident in effect (or the next one) at t, for tests and docs. */
  incidentStart(t: number): number;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The episodes' schedule for one anchor. */
export function createTimeline(anchor: number): Timeline {
  const incidentOrigin = anchor - INCIDENT_PHASE_AT_ANCHOR;
  const phase = (t: number): number => mod(t - incidentOrigin, INCIDENT_CYCLE);
  const scale = (t: number): number => (t < anchor - FULL_HISTORY ? PAST_SEVERITY : 1);
  return {
    anchor,
    paymentSeverity(t) {
      const p = phase(t);
      if (p < INCIDENT_LENGTH) return scale(t) * clamp01(p / PAYMENT_RAMP);
      return scale(t) * clamp01(1 - (p - INCIDENT_LENGTH) / RECOVERY);
    },
    latencySeverity(t) {
      const p = phase(t);
      if (p < INCIDENT_LENGTH) return scale(t) * clamp01(p / LATENCY_RAMP);
      return scale(t) * clamp01(1 - (p - INCIDENT_LENGTH) / RECOVERY);
    },
    incidentMinutes(t) {
      const p = phase(t);
      return p < INCIDENT_LENGTH ? p / MINUTE : undefined;
    },
    flashSale(t) {
      const p = phase(t);
      if (p < FLASH_SALE_START || p >= FLASH_SALE_END) return 0;
      const edge = Math.min(p - FLASH_SALE_START, FLASH_SALE_END - p) / (10 * MINUTE);
      return clamp01(edge);
    },
    legacyStopped(t) {
      const p = phase(t);
      return p >= LEGACY_STOP && p < LEGACY_RESTART;
    },
    creepHours(t) {
      const q = mod(t - (anchor - CREEP_PHASE_AT_ANCHOR), CREEP_CYCLE);
      return Math.min(q, CREEP_LENGTH) / HOUR;
    },
    incidentStart(t) {
      return t - phase(t);
    },
  };
}

/**
 * The same schedule with every episode removed except the cost creep: what the account's anomaly
 * detectors were trained on (CloudWatch lets you exclude incident periods from training).
 */
export function quietTimeline(timeline: Timeline): Timeline {
  return {
    ...timeline,
    paymentSeverity: () => 0,
    latencySeverity: () => 0,
    incidentMinutes: () => undefined,
    flashSale: () => 0,
    legacyStopped: () => false,
  };
}

/** Daily and weekly shape of shop traffic: quiet at 03:00 UTC, busiest at 15:00 UTC, weekends a bit lower. */
export function seasonality(t: number): number {
  const date = new Date(t);
  const hours = date.getUTCHours() + date.getUTCMinutes() / 60;
  const daily = 0.3 + 0.7 * ((1 - Math.cos((2 * Math.PI * (hours - 3)) / 24)) / 2);
  const weekday = date.getUTCDay();
  const weekly = weekday === 0 || weekday === 6 ? 0.88 : 1;
  return daily * weekly;
}
