import { gaussian, hashString, stochasticRound } from './noise';
import { MINUTE, seasonality, type Timeline } from './timeline';
import type { LogNormal } from './types';

export const environments = ['prod', 'staging'] as const;
export type Environment = (typeof environments)[number];
export const providers = ['stripe', 'adyen', 'paypal'] as const;
export type Provider = (typeof providers)[number];

const PROVIDER_SHARE: Record<Provider, number> = { stripe: 0.55, adyen: 0.3, paypal: 0.15 };
const PEAK_REQUESTS_PER_MINUTE: Record<Environment, number> = { prod: 140, staging: 48 };
/** Share of Adyen payments failing at the height of the incident; overall about 8 %. */
const ADYEN_INCIDENT_FAILURE = 0.25;
const BASE_FAILURE = 0.0015;

/** Everything the shop did in one minute in one environment; other metrics derive from it. */
export interface ShopMinute {
  requests: number;
  attempts: Record<Provider, number>;
  failed: Record<Provider, number>;
  orders: number;
  errors: number;
  latency: LogNormal;
  paymentSeverity: number;
  latencySeverity: number;
}

/** The shop's traffic as a deterministic function of time, with a small per-minute memo. */
export class ShopModel {
  #cache = new Map<string, ShopMinute>();

  constructor(readonly timeline: Timeline) {}

  /** Incidents, flash sales and creep only happen in prod; staging is a small, calm copy. */
  minute(env: Environment, t: number): ShopMinute {
    const m = Math.floor(t / MINUTE);
    const cacheKey = `${env}:${m}`;
    const hit = this.#cache.get(cacheKey);
    if (hit) return hit;
    const value = this.#compute(env, m * MINUTE, m);
    if (this.#cache.size > 50_000) this.#cache.clear();
    this.#cache.set(cacheKey, value);
    return value;
  }

  /** The noise-free orders per minute, for smooth aggregates such as the billing estimate. */
  expectedOrders(env: Environment, t: number): number {
    const tl = this.timeline;
    const prod = env === 'prod';
    const traffic = seasonality(t) * (prod ? 1 + 0.7 * tl.flashSale(t) : 1);
    const fail = prod ? PROVIDER_SHARE.adyen * ADYEN_INCIDENT_FAILURE * tl.paymentSeverity(t) : 0;
    return PEAK_REQUESTS_PER_MINUTE[env] * traffic * 0.34 * (1 - BASE_FAILURE - fail) * 0.97;
  }

  #compute(env: Environment, t: number, m: number): ShopMinute {
    const tl = this.timeline;
    const prod = env === 'prod';
    const seed = hashString(`shop:${env}`);
    const pay = prod ? tl.paymentSeverity(t) : 0;
    const lat = prod ? tl.latencySeverity(t) : 0;
    const traffic = seasonality(t) * (prod ? 1 + 0.7 * tl.flashSale(t) : 1) * (1 + 0.05 * gaussian(seed, m));
    const requests = stochasticRound(PEAK_REQUESTS_PER_MINUTE[env] * Math.max(0.05, traffic), seed, m);
    const totalAttempts = requests * 0.34 * (1 + 0.03 * gaussian(seed + 1, m));
    const attempts = {} as Record<Provider, number>;
    const failed = {} as Record<Provider, number>;
    let succeeded = 0;
    providers.forEach((p, i) => {
      const pSeed = seed + 10 + i;
      const a = stochasticRound(
        totalAttempts * PROVIDER_SHARE[p] * (1 + 0.05 * gaussian(pSeed, m)),
        pSeed,
        m,
      );
      const rate =
        BASE_FAILURE * Math.max(0.2, 1 + 0.3 * gaussian(pSeed + 100, m)) +
        (p === 'adyen' ? ADYEN_INCIDENT_FAILURE * pay : 0);
      const f = Math.min(a, stochasticRound(a * rate, pSeed + 200, m));
      attempts[p] = a;
      failed[p] = f;
      succeeded += a - f;
    });
    const orders = stochasticRound(succeeded * 0.97, seed + 3, m);
    const errors = stochasticRound(requests * (0.002 + 0.04 * lat), seed + 4, m);
    const baseMedian = prod ? 180 : 210;
    const latency: LogNormal = {
      median: baseMedian * (1 + 0.03 * gaussian(seed + 5, m)) * (1 + 1.3 * lat),
      sigma: 0.38 + 0.12 * lat,
    };
    return {
      requests,
      attempts,
      failed,
      orders,
      errors,
      latency,
      paymentSeverity: pay,
      latencySeverity: lat,
    };
  }
}
