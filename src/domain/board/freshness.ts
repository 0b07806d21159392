import { describeSpan } from '../time/duration';

/**
 * How much a board's numbers can be trusted right now:
 * - `waiting`: nothing has arrived yet (first load, or failing since the start);
 * - `live`: the last refresh succeeded recently and nothing is wrong;
 * - `degraded`: data is still recent, but refreshes are failing, slow, or the browser is offline;
 * - `stale`: the last successful refresh is older than twice the refresh interval.
 */
export type FreshnessState = 'waiting' | 'live' | 'degraded' | 'stale';

/** A refresh in flight longer than this is called slow; CloudWatch normally answers in about a second. */
export const SLOW_AFTER_MS = 5000;

export interface FreshnessInput {
  now: number;
  /** The board's refresh interval. */
  refreshMs: number;
  /** When the last refresh succeeded; absent when none has. */
  lastSuccessAt?: number;
  /** The latest attempt failed: its message, and since when refreshes have been failing without a success. */
  failure?: { message: string; since?: number };
  /** A refresh is in flight and started at this instant. */
  fetchingSince?: number;
  /** The browser reports no network, so refreshes wait for it. */
  offline?: boolean;
}

export interface Freshness {
  state: FreshnessState;
  /** How old the data on screen is, when there is any. */
  ageMs?: number;
  /** After this age the data counts as stale: twice the refresh interval. */
  staleAfterMs: number;
  /** What is wrong, in words, when something is. */
  problem?: string;
}

function problemOf(input: FreshnessInput): string | undefined {
  if (input.offline) return 'The browser is offline; waiting for the network to come back';
  if (input.failure) {
    const { since } = input.failure;
    // Said from a minute on: the first seconds of a fault are retries, and "for 0 s" reads as a glitch.
    const span =
      since !== undefined && input.now - since >= 60_000
        ? ` for ${describeSpan((input.now - since) / 1000)}`
        : '';
    return `Refresh failing${span}: ${input.failure.message}`;
  }
  if (input.fetchingSince !== undefined && input.now - input.fetchingSince > SLOW_AFTER_MS) {
    return `CloudWatch is slow to answer: waiting ${describeSpan((input.now - input.fetchingSince) / 1000)}`;
  }
  return undefined;
}

/** Decides whether a board is live, degraded, stale or still waiting, from when it last refreshed and how. */
export function assessFreshness(input: FreshnessInput): Freshness {
  const staleAfterMs = 2 * input.refreshMs;
  const problem = problemOf(input);
  const withProblem = problem === undefined ? {} : { problem };
  if (input.lastSuccessAt === undefined) return { state: 'waiting', staleAfterMs, ...withProblem };
  const ageMs = Math.max(0, input.now - input.lastSuccessAt);
  if (ageMs > staleAfterMs) return { state: 'stale', ageMs, staleAfterMs, ...withProblem };
  return { state: problem === undefined ? 'live' : 'degraded', ageMs, staleAfterMs, ...withProblem };
}

/** "4 min", "45 s": how old data is, in words readable across a room. */
export function describeAge(ageMs: number): string {
  return describeSpan(ageMs / 1000);
}
