/** Kinds of trouble the simulated account can be told to cause. */
export const faultKinds = [
  'throttle',
  '5xx',
  '503',
  'slow',
  'network',
  'expired',
  'partial',
  'arithmetic',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultOptions {
  /** Only the next N matching requests are affected; then the fault clears itself. */
  times?: number;
  /** Each matching request is affected with this probability (0..1), from a seeded sequence. */
  probability?: number;
  /** For `slow`: how long to hold each answer, in milliseconds (default 3,000). */
  delayMs?: number;
  /** Restrict to these operations, e.g. ['GetMetricData']; all operations when absent. */
  operations?: string[];
}

export interface ActiveFault {
  kind: FaultKind;
  remaining: number | undefined;
  probability: number;
  delayMs: number;
  operations: string[] | undefined;
}

/** What the fake must do to one request, decided once per request. */
export interface FaultDecision {
  delayMs: number;
  /** The error fault to answer with, if any (slow, partial and arithmetic are not errors). */
  error: Exclude<FaultKind, 'slow' | 'partial' | 'arithmetic'> | undefined;
  partial: boolean;
  /** Metric-math results lose their oldest point to a division by zero, with CloudWatch's ArithmeticError. */
  arithmetic: boolean;
}

const ERROR_PRECEDENCE: FaultDecision['error'][] = ['network', 'expired', 'throttle', '503', '5xx'];

/**
 * Injects failures into every following request until cleared, so retry, backoff, stale-data and
 * error screens can be exercised against the real SDK. Randomness comes from a seeded generator so a
 * test with `probability` is repeatable.
 */
export class FaultController {
  #faults = new Map<FaultKind, ActiveFault>();
  #seed: number;
  #listeners = new Set<() => void>();

  constructor(seed = 0x5eed) {
    this.#seed = seed >>> 0;
  }

  /** Starts a fault; a second call for the same kind replaces the first. */
  inject(kind: FaultKind, options: FaultOptions = {}): void {
    this.#faults.set(kind, {
      kind,
      remaining: options.times,
      probability: options.probability ?? 1,
      delayMs: options.delayMs ?? 3000,
      operations: options.operations,
    });
    this.#notify();
  }

  throttle(options?: FaultOptions): void {
    this.inject('throttle', options);
  }

  /** HTTP 500 InternalServiceError, or 503 ServiceUnavailable with `status: 503`. */
  serverError(options: FaultOptions & { status?: 500 | 503 } = {}): void {
    this.inject(options.status === 503 ? '503' : '5xx', options);
  }

  slow(delayMs: number, options: FaultOptions = {}): void {
    this.inject('slow', { ...options, delayMs });
  }

  network(options?: FaultOptions): void {
    this.inject('network', options);
  }

  expiredToken(options?: FaultOptions): void {
    this.inject('expired', options);
  }

  partialData(options?: FaultOptions): void {
    this.inject('partial', options);
  }

  /** Every metric-math result divides by zero in its oldest period: the point is dropped, ArithmeticError said. */
  arithmeticError(options?: FaultOptions): void {
    this.inject('arithmetic', options);
  }

  /** Clears one kind, or every fault when no kind is given. */
  clear(kind?: FaultKind): void {
    if (kind) this.#faults.delete(kind);
    else this.#faults.clear();
    this.#notify();
  }

  active(): ActiveFault[] {
    return [...this.#faults.values()].map((f) => ({ ...f }));
  }

  /** Called when the set of faults changes (the browser demo shows a banner). */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Decides what happens to one request to `operation`, consuming `times` budgets. */
  decide(operation: string): FaultDecision {
    const hits = new Set<FaultKind>();
    for (const fault of this.#faults.values()) {
      if (fault.operations && !fault.operations.includes(operation)) continue;
      if (fault.probability < 1 && this.#random() >= fault.probability) continue;
      hits.add(fault.kind);
    }
    const error = ERROR_PRECEDENCE.find((k) => k !== undefined && hits.has(k));
    const decision: FaultDecision = {
      delayMs: hits.has('slow') ? (this.#faults.get('slow')?.delayMs ?? 0) : 0,
      error,
      partial: hits.has('partial'),
      arithmetic: hits.has('arithmetic'),
    };
    const used: FaultKind[] = [...(error ? [error] : []), ...(hits.has('slow') ? ['slow' as const] : [])];
    if (decision.partial && operation === 'GetMetricData') used.push('partial');
    if (decision.arithmetic && operation === 'GetMetricData') used.push('arithmetic');
    for (const kind of used) this.#consume(kind);
    return decision;
  }

  #consume(kind: FaultKind): void {
    const fault = this.#faults.get(kind);
    if (!fault || fault.remaining === undefined) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.#faults.delete(kind);
      this.#notify();
    }
  }

  #random(): number {
    // mulberry32: a tiny seeded generator, so probabilistic faults repeat from run to run.
    this.#seed = (this.#seed + 0x6d2b79f5) >>> 0;
    let t = this.#seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/** Reads the demo's `?fault=throttle|5xx|slow|network|expired` parameter (also 503, partial and arithmetic). */
export function parseFaultParameter(value: string | null): FaultKind | undefined {
  if (!value) return undefined;
  return (faultKinds as readonly string[]).includes(value) ? (value as FaultKind) : undefined;
}
