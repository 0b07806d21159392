import { expect, test } from 'vitest';
import { cspBlocked, diagnoseUnreachable, watchCspViolations } from './reachability';

test('an endpoint that answers an opaque no-cors request refused the real call through CORS', async () => {
  const probe = async (_url: string, init: RequestInit): Promise<unknown> => {
    expect(init).toMatchObject({ mode: 'no-cors', credentials: 'omit' });
    return {};
  };
  expect(await diagnoseUnreachable('https://cw.example.com', probe)).toBe('cors');
});

test('an endpoint that does not answer at all is a network failure', async () => {
  const probe = async (): Promise<unknown> => {
    throw new TypeError('Failed to fetch');
  };
  expect(await diagnoseUnreachable('https://down.example.com', probe)).toBe('network');
});

test('a recorded Content-Security-Policy violation for the endpoint is blamed on the policy', async () => {
  const target = new EventTarget();
  watchCspViolations(target as unknown as Document);
  const event = Object.assign(new Event('securitypolicyviolation'), {
    blockedURI: 'https://blocked.example.com/',
  });
  target.dispatchEvent(event);
  expect(cspBlocked('https://blocked.example.com')).toBe(true);
  expect(await diagnoseUnreachable('https://blocked.example.com', async () => ({}))).toBe('csp');
});
