import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installBlockedRequestWatch } from '../cloudwatch/blocked-requests';
import type { UnreachableCause } from '../cloudwatch/errors';
import { cspBlocked, diagnoseUnreachable, type ProbeFetch, watchCspViolations } from './reachability';

function violation(blockedURI: string): Event {
  return Object.assign(new Event('securitypolicyviolation'), {
    blockedURI,
    effectiveDirective: 'connect-src',
  });
}

const answers: ProbeFetch = async () => ({ type: 'opaque' });
const refuses: ProbeFetch = async () => {
  throw new TypeError('Failed to fetch');
};
const hangs: ProbeFetch = (_url, init) =>
  new Promise((_resolve, reject) =>
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
  );

interface Case {
  name: string;
  watching: boolean;
  /** A refusal the browser reported before the diagnosis (the failed call itself). */
  blockedBefore?: boolean;
  /** The probe is refused by the policy too, and the browser reports it while the probe fails. */
  blockedByProbe?: boolean;
  probe: ProbeFetch;
  expected: UnreachableCause;
}

describe('diagnoseUnreachable', () => {
  test.each<Case>([
    {
      name: 'an opaque no-cors answer: the host is up, CORS refused the call',
      watching: true,
      probe: answers,
      expected: 'cors',
    },
    {
      name: 'the probe fails too and the policy refused nothing: the network',
      watching: true,
      probe: refuses,
      expected: 'network',
    },
    {
      name: 'the probe fails but refusals are not recorded: cannot tell',
      watching: false,
      probe: refuses,
      expected: 'unknown',
    },
    { name: 'the probe hangs: cannot tell', watching: true, probe: hangs, expected: 'unknown' },
    {
      name: 'a refusal recorded before: the policy',
      watching: true,
      blockedBefore: true,
      probe: answers,
      expected: 'csp',
    },
    {
      name: 'the probe is refused by the policy as well: the policy',
      watching: true,
      blockedByProbe: true,
      probe: refuses,
      expected: 'csp',
    },
  ])('$name → $expected', async ({ name, watching, blockedBefore, blockedByProbe, probe, expected }) => {
    const endpoint = `https://${name.length}-${expected}-${watching}.example.com`;
    const target = new EventTarget();
    const stop = watching ? installBlockedRequestWatch(target) : () => {};
    try {
      if (blockedBefore) target.dispatchEvent(violation(`${endpoint}/`));
      const seen: RequestInit[] = [];
      const watched: ProbeFetch = (url, init) => {
        seen.push(init);
        if (blockedByProbe) setTimeout(() => target.dispatchEvent(violation(url)), 0);
        return probe(url, init);
      };
      const cause = await diagnoseUnreachable(endpoint, watched, {
        timeoutMs: 30,
        settle: () => new Promise((resolve) => setTimeout(resolve, 5)),
      });
      expect(cause).toBe(expected);
      for (const init of seen) {
        expect(init).toMatchObject({
          method: 'GET',
          mode: 'no-cors',
          credentials: 'omit',
          cache: 'no-store',
        });
      }
      if (blockedBefore) expect(seen).toEqual([]);
    } finally {
      stop();
    }
  });
});

test('callers asking at once about one endpoint share one probe', async () => {
  let probes = 0;
  const counted: ProbeFetch = async () => {
    probes += 1;
    return {};
  };
  const causes = await Promise.all(
    [1, 2, 3].map(() =>
      diagnoseUnreachable('https://shared.example.com', counted, { settle: async () => {} }),
    ),
  );
  expect(causes).toEqual(['cors', 'cors', 'cors']);
  expect(probes).toBe(1);
});

describe('the no-cors probe through fetch, against msw', () => {
  const server = setupServer(
    http.get('https://answers.example.com/', () => new HttpResponse('<Error/>', { status: 404 })),
    http.get('https://unreachable.example.com/', () => HttpResponse.error()),
  );
  const target = new EventTarget();
  let stop = (): void => {};
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    stop = installBlockedRequestWatch(target);
  });
  afterAll(() => {
    stop();
    server.close();
  });

  test.each([
    ['https://answers.example.com', 'cors'],
    ['https://unreachable.example.com', 'network'],
  ] as const)('%s → %s', async (endpoint, expected) => {
    expect(await diagnoseUnreachable(endpoint, undefined, { settle: async () => {} })).toBe(expected);
  });
});

test('watchCspViolations records a refusal for the endpoint’s origin', () => {
  const target = new EventTarget();
  watchCspViolations(target as unknown as Document);
  target.dispatchEvent(violation('https://blocked.example.com/'));
  expect(cspBlocked('https://blocked.example.com')).toBe(true);
  expect(cspBlocked('https://other.example.com')).toBe(false);
});
