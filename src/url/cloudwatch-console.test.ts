import { describe, expect, test } from 'vitest';
import type { KpiQuery } from '../domain/kpi/query-schema';
import { cloudWatchConsoleUrl, consoleBase, encodeJsurl } from './cloudwatch-console';

/** A small JSURL reader, so the tests check the structure the console will read, not our own string. */
function decodeJsurl(text: string): unknown {
  let i = 0;
  const readToken = (): string => {
    const start = i;
    while (i < text.length && !'~)'.includes(text[i] ?? '')) i++;
    return text
      .slice(start, i)
      .replace(/\*\*([0-9a-f]{4})|\*([0-9a-f]{2})|!/g, (m, four, two) =>
        m === '!' ? '$' : String.fromCharCode(Number.parseInt(four ?? two, 16)),
      );
  };
  const value = (): unknown => {
    expect(text[i]).toBe('~');
    i++;
    const ch = text[i];
    if (ch === "'") {
      i++;
      return readToken();
    }
    if (ch === '(') {
      i++;
      if (text[i] === '~') {
        const items: unknown[] = [];
        while (text[i] === '~') items.push(value());
        i++;
        return items;
      }
      const obj: Record<string, unknown> = {};
      while (text[i] !== ')') {
        if (text[i] === '~') i++;
        const key = readToken();
        obj[key] = value();
      }
      i++;
      return obj;
    }
    const token = readToken();
    if (token === 'true' || token === 'false') return token === 'true';
    return Number(token);
  };
  return value();
}

const range = { kind: 'relative', seconds: 6 * 3600 } as const;

describe('CloudWatch console links', () => {
  test('writes JSURL the way the console does', () => {
    expect(encodeJsurl({ metrics: [['AWS/ES', 'Docs']], stacked: false, start: '-PT3H', period: 300 })).toBe(
      "~(metrics~(~(~'AWS*2fES~'Docs))~stacked~false~start~'-PT3H~period~300)",
    );
    expect(encodeJsurl('{a b}$é€')).toBe("~'*7ba*20b*7d!*e9**20ac");
  });

  test('a metric KPI opens that metric, dimensions, statistic, region and range', () => {
    const query: KpiQuery = {
      kind: 'metric',
      metric: {
        namespace: 'Shop/Checkout',
        name: 'OrdersPlaced',
        dimensions: { Environment: 'prod' },
        stat: 'Sum',
        period: 60,
      },
    };
    const url = cloudWatchConsoleUrl({
      query,
      region: 'eu-west-1',
      range,
      period: 60,
      title: 'Orders & more',
    });
    expect(
      url.startsWith(
        'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=~(',
      ),
    ).toBe(true);
    expect(url).not.toMatch(/[\s"<>]/);
    const graph = decodeJsurl(url.split('#metricsV2:graph=')[1] ?? '');
    expect(graph).toEqual({
      metrics: [
        [
          'Shop/Checkout',
          'OrdersPlaced',
          'Environment',
          'prod',
          { stat: 'Sum', period: 60, label: 'Orders & more' },
        ],
      ],
      view: 'timeSeries',
      stacked: false,
      region: 'eu-west-1',
      title: 'Orders & more',
      period: 60,
      start: '-PT6H',
      end: 'P0D',
    });
  });

  test('a math KPI opens the expression with its metrics hidden, over an absolute range', () => {
    const metric = (name: string) => ({ namespace: 'Shop/Checkout', name, dimensions: {}, stat: 'Sum' });
    const query: KpiQuery = {
      kind: 'math',
      expression: '100 * e1 / attempted',
      metrics: { e1: metric('PaymentsSucceeded'), attempted: metric('PaymentsAttempted') },
    };
    const absolute = {
      kind: 'absolute',
      start: Date.UTC(2026, 10, 20, 6),
      end: Date.UTC(2026, 10, 20, 12),
    } as const;
    const url = cloudWatchConsoleUrl({
      query,
      region: 'us-east-1',
      range: absolute,
      period: 300,
      title: 'Pay',
    });
    const graph = decodeJsurl(url.split('#metricsV2:graph=')[1] ?? '') as Record<string, unknown>;
    expect(graph.metrics).toEqual([
      [{ expression: '100 * e1 / attempted', label: 'Pay', id: 'e2', period: 300 }],
      ['Shop/Checkout', 'PaymentsSucceeded', { stat: 'Sum', period: 300, id: 'e1', visible: false }],
      ['Shop/Checkout', 'PaymentsAttempted', { stat: 'Sum', period: 300, id: 'attempted', visible: false }],
    ]);
    expect([graph.start, graph.end]).toEqual(['2026-11-20T06:00:00.000Z', '2026-11-20T12:00:00.000Z']);
  });

  test.each([
    ['us-east-1', 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1'],
    ['cn-north-1', 'https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1'],
    ['us-gov-west-1', 'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1'],
  ])('%s uses its partition’s console', (region, base) => {
    expect(consoleBase(region)).toBe(base);
  });
});
