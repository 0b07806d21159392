// The loopback CloudWatch under mixed load: 50 clients for 30 s against `npm run fake-cloudwatch` in its own
// process, first with every answer computed on the server's event loop (--workers 0, as it was), then with
// the worker pool (the default). Each client sends one request at a time, of one kind, and gives up on it
// after 10 s (a timeout); a 51st client sends a CORS preflight every 100 ms, which shows how long the event
// loop itself is held.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchSection, markdownTable, ROOT } from './lib';

const CLIENTS = 50;
const DURATION_MS = 30_000;
const TIMEOUT_MS = 10_000;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

type Kind = 'short range' | '30-day range' | 'SEARCH' | 'Metrics Insights' | 'DescribeAlarms';
const KINDS: Kind[] = ['short range', '30-day range', 'SEARCH', 'Metrics Insights', 'DescribeAlarms'];

const env = (name: string) => ({ Name: 'Environment', Value: name });
const metric = (name: string, period: number, id: string) => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'Shop/Checkout', MetricName: name, Dimensions: [env('prod')] },
    Period: period,
    Stat: 'Sum',
  },
  ReturnData: false,
});

/** The payment success rate of the Checkout dashboard (two metrics and their math) over `seconds` at `period`. */
function successRate(seconds: number, period: number): Record<string, unknown> {
  const end = Math.floor(Date.now() / 1000 / period) * period;
  return {
    StartTime: end - seconds,
    EndTime: end,
    MetricDataQueries: [
      metric('PaymentsSucceeded', period, 'ok'),
      metric('PaymentsAttempted', period, 'all'),
      { Id: 'rate', Expression: '100 * ok / all', ReturnData: true },
      { ...metric('OrdersPlaced', period, 'orders'), ReturnData: true },
    ],
  };
}

function body(kind: Kind): { target: string; input: Record<string, unknown> } {
  const end = Math.floor(Date.now() / 1000 / MINUTE) * MINUTE;
  switch (kind) {
    case 'short range':
      return { target: 'GetMetricData', input: successRate(3 * HOUR, MINUTE) };
    case '30-day range':
      return { target: 'GetMetricData', input: successRate(30 * DAY, 5 * MINUTE) };
    case 'SEARCH':
      return {
        target: 'GetMetricData',
        input: {
          StartTime: end - DAY,
          EndTime: end,
          MetricDataQueries: [
            {
              Id: 'by',
              Expression:
                'SEARCH(\'{Shop/Checkout,Environment,PaymentProvider} MetricName="PaymentsFailed" Environment="prod"\', \'Sum\', 300)',
              ReturnData: true,
            },
          ],
        },
      };
    case 'Metrics Insights':
      return {
        target: 'GetMetricData',
        input: {
          StartTime: end - 3 * HOUR,
          EndTime: end,
          MetricDataQueries: [
            {
              Id: 'q',
              Expression:
                'SELECT SUM(Invocations) FROM SCHEMA("AWS/Lambda", FunctionName) GROUP BY FunctionName',
              Period: MINUTE,
              ReturnData: true,
            },
          ],
        },
      };
    case 'DescribeAlarms':
      return { target: 'DescribeAlarms', input: {} };
  }
}

/** Headers of a signed JSON-protocol call; the simulated account checks a signature's shape, not its maths. */
function headers(target: string): Record<string, string> {
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  return {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': `GraniteServiceVersion20100801.${target}`,
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLEBELLWETHER/${date.slice(0, 8)}/us-east-1/monitoring/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
  };
}

interface Sample {
  kind: Kind | 'preflight';
  ms: number;
  outcome: 'ok' | 'timeout' | 'error';
}

async function timed(url: string, kind: Sample['kind'], init: RequestInit): Promise<Sample> {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.arrayBuffer();
    return { kind, ms: performance.now() - start, outcome: response.ok ? 'ok' : 'error' };
  } catch (error) {
    const timeout = error instanceof DOMException && error.name === 'TimeoutError';
    return { kind, ms: performance.now() - start, outcome: timeout ? 'timeout' : 'error' };
  }
}

async function startServer(workers: number | undefined): Promise<{ url: string; child: ChildProcess }> {
  const args = [join(ROOT, 'scripts/fake-cloudwatch-server.ts'), '--port', '0'];
  if (workers !== undefined) args.push('--workers', String(workers));
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`fake-cloudwatch exited (${code}) before listening`)));
  });
  return { url, child };
}

async function load(workers: number | undefined): Promise<Sample[]> {
  const { url, child } = await startServer(workers);
  const samples: Sample[] = [];
  const until = performance.now() + DURATION_MS;
  try {
    const clients = Array.from({ length: CLIENTS }, async (_, i) => {
      const kind = KINDS[i % KINDS.length] as Kind;
      while (performance.now() < until) {
        const { target, input } = body(kind);
        samples.push(
          await timed(url, kind, { method: 'POST', headers: headers(target), body: JSON.stringify(input) }),
        );
      }
    });
    const preflights = (async () => {
      while (performance.now() < until) {
        samples.push(
          await timed(url, 'preflight', {
            method: 'OPTIONS',
            headers: {
              origin: 'http://127.0.0.1:4173',
              'access-control-request-method': 'POST',
              'access-control-request-headers': 'authorization,content-type,x-amz-date,x-amz-target',
            },
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all([...clients, preflights]);
  } finally {
    child.kill('SIGTERM');
  }
  return samples;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const fmt = (ms: number): string =>
  Number.isNaN(ms) ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

function rows(label: string, samples: Sample[]): string[][] {
  const groups: Array<Sample['kind'] | 'all requests'> = ['all requests', ...KINDS, 'preflight'];
  return groups.map((group) => {
    const of = samples.filter((s) => (group === 'all requests' ? s.kind !== 'preflight' : s.kind === group));
    const done = of
      .filter((s) => s.outcome === 'ok')
      .map((s) => s.ms)
      .sort((a, b) => a - b);
    const timeouts = of.filter((s) => s.outcome === 'timeout').length;
    const errors = of.filter((s) => s.outcome === 'error').length;
    const row = [
      label,
      group,
      String(of.length),
      fmt(quantile(done, 0.5)),
      fmt(quantile(done, 0.95)),
      fmt(done.at(-1) ?? Number.NaN),
      String(timeouts),
      String(errors),
    ];
    console.log(row.join(' | '));
    return row;
  });
}

const section: BenchSection = {
  id: 'loopback',
  title: 'The loopback CloudWatch under mixed load',
  async run() {
    const before = await load(0);
    const after = await load(undefined);
    const table = markdownTable(
      ['server', 'requests', 'sent', 'p50', 'p95', 'max', 'timeouts (10 s)', 'errors'],
      [...rows('event loop only (--workers 0)', before), ...rows('worker pool (default)', after)],
    );
    return `${CLIENTS} clients for ${DURATION_MS / 1000} s against \`npm run fake-cloudwatch\` in its own process, ten of each kind, one request at a time each (short range: Checkout's payment success rate and orders over 3 h at 1 min; 30-day range: the same over 30 days at 5 min; SEARCH: failed payments by provider over a day; Metrics Insights: Lambda invocations by function over 3 h; DescribeAlarms: every alarm), each given up after 10 s (a timeout; p50, p95 and max are of the answered ones). A preflight every 100 ms shows how long the event loop is held. The clients send raw JSON-protocol requests, so their own work is small next to the server's; both share this machine's cores.

${table}`;
  },
};

export default section;
