import {
  parseStatistic as readStatistic,
  type Statistic,
  type StatisticRange,
} from '@bellwether/cloudwatch-spec';
import { type Population, populationOf, type Weighted } from './population';

export type { Statistic } from '@bellwether/cloudwatch-spec';
export type { Weighted } from './population';

/**
 * The statistic a name stands for, or undefined for one CloudWatch refuses: the grammar is
 * cloudwatch-spec's, so the simulated account accepts exactly what the KPI schema does.
 */
export function parseStatistic(text: string): Statistic | undefined {
  const parsed = readStatistic(text);
  return parsed.ok ? parsed.stat : undefined;
}

/** The part of a population a range keeps: how many datapoints, their sum, and the edges it clamps to. */
interface Kept {
  count: number;
  sum: number;
  /** Datapoints below the range and the value WM gives them (the lower edge), likewise above. */
  below: { count: number; edge: number };
  above: { count: number; edge: number };
}

/**
 * The datapoints inside a range. Percentages keep the ranks between the two percentiles ("TM(2%:98%)
 * calculates the average after removing the 2% lowest data points and the 2% highest data points");
 * values keep those above the lower bound and at or below the upper one ("TC(0.005:0.030) returns the
 * number of data points with values between 0.005 (exclusive) and 0.030 (inclusive)"). User Guide,
 * "CloudWatch statistics definitions".
 */
function kept(p: Population, range: StatisticRange): Kept {
  if (range.of === 'percent') {
    const from = ((range.lower ?? 0) / 100) * p.total;
    const to = ((range.upper ?? 100) / 100) * p.total;
    return {
      count: to - from,
      sum: p.lowest(to) - p.lowest(from),
      below: { count: from, edge: p.quantile(from / p.total) },
      above: { count: p.total - to, edge: p.quantile(to / p.total) },
    };
  }
  const lower = range.lower ?? Number.NEGATIVE_INFINITY;
  const upper = range.upper ?? Number.POSITIVE_INFINITY;
  const countBelow = range.lower === undefined ? 0 : p.count(lower);
  const countUpTo = range.upper === undefined ? p.total : p.count(upper);
  const sumBelow = range.lower === undefined ? 0 : p.sumUpTo(lower);
  const sumUpTo = range.upper === undefined ? p.sum : p.sumUpTo(upper);
  return {
    count: countUpTo - countBelow,
    sum: sumUpTo - sumBelow,
    below: { count: countBelow, edge: lower },
    above: { count: p.total - countUpTo, edge: upper },
  };
}

/**
 * The statistics that need raw datapoints (percentiles, TM, WM, TC, TS, PR, IQM), over the population
 * the samples stand for; undefined where CloudWatch has no value (no qualifying data, an empty TM).
 */
function extended(
  stat: Exclude<Statistic, { kind: 'SampleCount' | 'Sum' | 'Average' | 'Minimum' | 'Maximum' }>,
  p: Population,
): number | undefined {
  switch (stat.kind) {
    case 'percentile':
      return p.quantile(stat.percent / 100);
    case 'IQM':
      return extended({ kind: 'TM', range: { of: 'percent', lower: 25, upper: 75 } }, p);
    case 'TM': {
      const k = kept(p, stat.range);
      return k.count > 0 ? k.sum / k.count : undefined;
    }
    case 'TC':
      return kept(p, stat.range).count;
    case 'TS':
      return kept(p, stat.range).sum;
    case 'WM': {
      // "The values that are outside the boundary are … considered to be equal to the value at the edge
      // of the appropriate boundary. After this normalization, the average is calculated."
      const k = kept(p, stat.range);
      const low = k.below.count > 0 ? k.below.count * k.below.edge : 0;
      const high = k.above.count > 0 ? k.above.count * k.above.edge : 0;
      return (low + k.sum + high) / p.total;
    }
    case 'PR': {
      // "The percentage of values that meet a fixed threshold"; the lower bound exclusive, the upper inclusive.
      const lower = stat.range.lower === undefined ? 0 : p.count(stat.range.lower);
      const upper = stat.range.upper === undefined ? p.total : p.count(stat.range.upper);
      return (100 * (upper - lower)) / p.total;
    }
  }
}

/** Computes one statistic over the samples that fall in one period; undefined when there are none. */
export function computeStatistic(stat: Statistic, items: Weighted[]): number | undefined {
  if (items.length === 0) return undefined;
  switch (stat.kind) {
    case 'SampleCount':
      return items.reduce((s, w) => s + w.sample.count * w.weight, 0);
    case 'Sum':
      return items.reduce((s, w) => s + w.sample.sum * w.weight, 0);
    case 'Average': {
      const n = items.reduce((s, w) => s + w.sample.count * w.weight, 0);
      return items.reduce((s, w) => s + w.sample.sum * w.weight, 0) / n;
    }
    case 'Minimum':
      return items.reduce((m, w) => Math.min(m, w.sample.min), Number.POSITIVE_INFINITY);
    case 'Maximum':
      return items.reduce((m, w) => Math.max(m, w.sample.max), Number.NEGATIVE_INFINITY);
    default: {
      const population = populationOf(items);
      return population ? extended(stat, population) : undefined;
    }
  }
}
