import type { ShopModel } from './shop-model';
import { HOUR } from './timeline';

/** Fixed hourly spend (load balancer, NAT, storage) in USD. */
const FIXED_PER_HOUR = 3.2;
/** Usage-based spend per order before the creep (Lambda, DynamoDB on demand, SQS, logs). */
const BASE_PER_ORDER = 0.01;
/** A runaway log-ingestion setting adds this much per order for every hour it has been on. */
const CREEP_PER_ORDER_PER_HOUR = 0.002;

/**
 * AWS/Billing EstimatedCharges: the month-to-date estimate in USD. Real billing data arrives a few
 * times a day; the fake publishes it hourly (one datapoint per hour, available once the hour is over)
 * so the cost-per-order forecast has enough points to work with during a demo.
 */
export class BillingModel {
  #cumulative = new Map<number, number>();

  constructor(private readonly shop: ShopModel) {}

  /** Spend during the hour starting at `hourStart`. */
  hourlySpend(hourStart: number): number {
    let orders = 0;
    for (let q = 0; q < 4; q++)
      orders += this.shop.expectedOrders('prod', hourStart + (q + 0.5) * 15 * 60_000) * 15;
    const creep = this.shop.timeline.creepHours(hourStart + HOUR / 2);
    const perOrder = BASE_PER_ORDER + CREEP_PER_ORDER_PER_HOUR * creep;
    return FIXED_PER_HOUR + perOrder * orders;
  }

  /** Month-to-date charges including the hour starting at `hourStart`. */
  estimatedCharges(hourStart: number): number {
    const h = Math.floor(hourStart / HOUR);
    const cached = this.#cumulative.get(h);
    if (cached !== undefined) return cached;
    const date = new Date(h * HOUR);
    const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / HOUR;
    let start = h;
    while (start > monthStart && !this.#cumulative.has(start - 1)) start--;
    let total = start > monthStart ? (this.#cumulative.get(start - 1) ?? 0) : 0;
    if (this.#cumulative.size > 40_000) this.#cumulative.clear();
    for (let k = start; k <= h; k++) {
      total += this.hourlySpend(k * HOUR);
      this.#cumulative.set(k, total);
    }
    return Math.round(total * 100) / 100;
  }
}
