import { modeled } from '../errors';
import { evaluateInsights, type InsightsCut } from '../insights/evaluate';
import { evaluate, type MathContext } from '../math/evaluate';
import { findMetrics, parseSearch, searchLabel } from '../math/search';
import { MathEvalError, type SeriesValue, type Value } from '../math/values';
import type { Scenario } from '../scenario/scenario';
import { expandLabel, isDynamicLabel, type MetricProps } from './dynamic-label';
import { fetchMetric, fetchMetrics } from './fetch-metric';
import { parseStatistic } from './statistic';
import { bucketStarts, roundStart } from './time-window';
import { isValidPeriod, type ParsedQuery } from './validate';

const ACCOUNT_ID = '123456789012';

/**
 * Who a result series is, for a default label of a test's own choosing: CloudWatch documents no default
 * labels, so tests make the account answer ones the client has never seen.
 */
export interface DefaultLabelInput {
  id: string;
  kind: ParsedQuery['kind'];
  /** Position among the results of its query. */
  index: number;
  /** This simulation's own default label. */
  label: string;
  metric?: MetricProps;
}

export type DefaultLabeller = (series: DefaultLabelInput) => string;

/**
 * A quota that left something out of a call's answer, by the call-level code Grafana's CloudWatch data
 * source handles for it: a SEARCH that found more than 500 metrics, a Metrics Insights query that matched
 * more than 10,000 metrics or had more than 500 series to return.
 */
export type CallCut = 'MaxMetricsExceeded' | InsightsCut;

/** How one call's results are labelled: its region, LabelOptions.Timezone, and a test's default labels. */
export interface Labelling {
  region: string;
  /** Minutes east of UTC. */
  offsetMinutes: number;
  defaultLabel?: DefaultLabeller | undefined;
}

/** One series of a query's answer; expressions returning arrays give several with the same Id. */
export interface QueryResult {
  query: ParsedQuery;
  label: string;
  t: number[];
  v: number[];
  arithmeticError: boolean;
  forbidden: boolean;
}

/**
 * Evaluates the queries of one GetMetricData call: metric stats are read from the scenario, math
 * expressions in dependency order, anomaly bands over the same window on previous days.
 */
export class RequestEvaluation {
  readonly #memo = new Map<string, Value>();
  readonly #byId: Map<string, ParsedQuery>;
  #dropped = new Set<string>();
  readonly #cuts = new Set<CallCut>();

  constructor(
    private readonly scenario: Scenario,
    private readonly queries: ParsedQuery[],
    private readonly window: { start: number; end: number; now: number },
    private readonly labelling: Labelling = { region: 'us-east-1', offsetMinutes: 0 },
  ) {
    this.#byId = new Map(queries.map((q) => [q.id, q]));
  }

  /** The results to return, in request order, for queries with ReturnData true. */
  results(): QueryResult[] {
    const out: QueryResult[] = [];
    for (const q of this.queries) {
      if (!q.returnData) continue;
      if (q.accountId !== undefined && q.accountId !== ACCOUNT_ID) {
        const metric =
          q.kind === 'metric' ? this.#props(q.metric, q.statName, q.period, q.accountId) : undefined;
        const none: SeriesValue = { label: q.id, t: [], v: [], period: 0, fromMetric: false };
        const label = this.#label(q, metric ? { ...none, metric } : none, 0, false);
        out.push({ query: q, label, t: [], v: [], arithmeticError: false, forbidden: true });
        continue;
      }
      const value = this.valueOf(q.id, 0);
      const list = this.#asList(q, value);
      const multi = value.kind === 'array';
      list.forEach((s, index) => {
        out.push({
          query: q,
          label: this.#label(q, s, index, multi),
          t: s.t,
          v: s.v,
          arithmeticError: this.#dropped.has(q.id),
          forbidden: false,
        });
      });
    }
    return out;
  }

  /**
   * The quotas that cut this call's answer, each once, in the order met; known once `results()` ran.
   * Only the requested window counts: the history an anomaly band trains on is not part of the answer.
   */
  cuts(): CallCut[] {
    return [...this.#cuts];
  }

  #cut(offset: number, training: boolean): (code: CallCut) => void {
    return (code) => {
      if (offset === 0 && !training) this.#cuts.add(code);
    };
  }

  /**
   * A result's Label. A dynamic label is expanded for each series ("If you use a dynamic label with a
   * search expression, the dynamic label applies to every metric returned by the search"); a plain one
   * names a single series, and is put before each series' default label when there are several (how
   * CloudWatch combines them is not documented).
   */
  #label(q: ParsedQuery, s: SeriesValue, index: number, multi: boolean): string {
    const custom = this.labelling.defaultLabel;
    const base = custom
      ? custom({ id: q.id, kind: q.kind, index, label: s.label, ...(s.metric ? { metric: s.metric } : {}) })
      : s.label;
    if (q.label === undefined) return base;
    if (isDynamicLabel(q.label)) {
      return expandLabel(
        q.label,
        { defaultLabel: base, t: s.t, v: s.v, ...(s.metric ? { metric: s.metric } : {}) },
        { now: this.window.now, offsetMinutes: this.labelling.offsetMinutes },
      );
    }
    return multi ? `${q.label} ${base}` : q.label;
  }

  #props(
    metric: { namespace: string; name: string; dimensions: Record<string, string> },
    stat: string,
    period: number,
    accountId?: string,
  ): MetricProps {
    return {
      namespace: metric.namespace,
      name: metric.name,
      dimensions: { ...metric.dimensions },
      stat,
      period,
      accountId: accountId ?? ACCOUNT_ID,
      region: this.labelling.region,
    };
  }

  #asList(q: ParsedQuery, value: Value): SeriesValue[] {
    if (value.kind === 'series') return [value.s];
    if (value.kind === 'array') return value.items;
    throw modeled.validation(
      `The expression of query ${q.id} (MetricDataQueries.member.${q.index + 1}.Expression) must produce a time series or an array of time series, not ${value.kind === 'scalar' ? 'a single number' : `a ${value.kind}`}.`,
    );
  }

  /** A query's value over the window moved `offset` ms back (0 for the requested window). */
  valueOf(id: string, offset: number, training = false): Value {
    const key = `${id}@${offset}${training ? 't' : ''}`;
    const hit = this.#memo.get(key);
    if (hit) return hit;
    const q = this.#byId.get(id);
    if (!q) throw modeled.validation(`Unrecognized identifier '${id}'.`);
    const value = this.#compute(q, offset, training);
    this.#memo.set(key, value);
    return value;
  }

  #fetchWindow(period: number, offset: number) {
    const { start, end, now } = this.window;
    return { start: roundStart(start, now, period) - offset, end: end - offset, period, now };
  }

  #compute(q: ParsedQuery, offset: number, training: boolean): Value {
    const source = training ? this.scenario.training : this.scenario;
    if (q.kind === 'metric') {
      const metric = source.find(q.metric);
      const points = metric
        ? fetchMetric(metric, q.stat, this.#fetchWindow(q.period, offset), q.unit)
        : { t: [], v: [] };
      return {
        kind: 'series',
        s: {
          label: q.metric.name,
          t: points.t,
          v: points.v,
          period: q.period,
          fromMetric: true,
          metric: this.#props(q.metric, q.statName, q.period, q.accountId),
        },
      };
    }
    if (q.kind === 'insights') {
      const items = evaluateInsights(
        q.insights,
        source.metrics,
        this.#fetchWindow(q.period, offset),
        q.id,
        this.#cut(offset, training),
      );
      return q.insights.groupBy.length === 0 && items.length === 1 && items[0]
        ? { kind: 'series', s: items[0] }
        : { kind: 'array', items };
    }
    try {
      const value = evaluate(q.tree, this.#context(q, offset, training));
      if (value.kind === 'series' && value.s.label !== q.id)
        return { kind: 'series', s: { ...value.s, label: q.id } };
      return value;
    } catch (e) {
      if (e instanceof MathEvalError) {
        throw modeled.validation(
          `Error in expression of query ${q.id} (MetricDataQueries.member.${q.index + 1}.Expression): ${e.message}.`,
        );
      }
      throw e;
    }
  }

  #defaultPeriod(q: Extract<ParsedQuery, { kind: 'math' }>): number {
    if (q.period) return q.period;
    const periods = this.queries.filter((x) => x.kind === 'metric').map((x) => x.period);
    return periods.length > 0 ? Math.max(...periods) : 60;
  }

  #context(q: Extract<ParsedQuery, { kind: 'math' }>, offset: number, training: boolean): MathContext {
    const source = training ? this.scenario.training : this.scenario;
    const period = this.#defaultPeriod(q);
    return {
      period,
      resolve: (id) => this.valueOf(id, offset, training),
      metrics: (filter) =>
        this.queries
          .filter((x) => x.kind === 'metric' && (filter === undefined || x.id.includes(filter)))
          .map((x) => {
            const v = this.valueOf(x.id, offset, training);
            return v.kind === 'series' ? { ...v.s, label: x.label ?? v.s.label } : undefined;
          })
          .filter((s): s is SeriesValue => s !== undefined),
      search: (expression, statName, searchPeriod) => {
        const stat = parseStatistic(statName);
        if (!stat) throw new MathEvalError(`'${statName}' is not a valid statistic for SEARCH`);
        if (!isValidPeriod(searchPeriod))
          throw new MathEvalError(`${searchPeriod} is not a valid period for SEARCH`);
        let spec: ReturnType<typeof parseSearch>;
        try {
          spec = parseSearch(expression);
        } catch (e) {
          throw new MathEvalError(`invalid search expression: ${(e as Error).message}`);
        }
        const cut = this.#cut(offset, training);
        const found = findMetrics(source.metrics, spec, () => cut('MaxMetricsExceeded'));
        const names = new Set(found.map((m) => m.id.name));
        const window = this.#fetchWindow(searchPeriod, offset);
        return found.map((m) => {
          const p = fetchMetrics([m], stat, window);
          return {
            label: searchLabel(m, names.size > 1),
            t: p.t,
            v: p.v,
            period: searchPeriod,
            fromMetric: true,
            metric: this.#props(m.id, statName, searchPeriod),
          };
        });
      },
      grid: (p) => {
        const w = this.#fetchWindow(p, offset);
        return bucketStarts(w.start, Math.min(w.end, this.window.now - offset), p);
      },
      history: (ms) => this.#context(q, offset + ms, true),
      dropped: () => {
        if (offset === 0 && !training) this.#dropped.add(q.id);
      },
    };
  }
}
