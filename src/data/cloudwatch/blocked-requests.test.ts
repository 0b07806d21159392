import { expect, test } from 'vitest';
import {
  blockedRequests,
  blockedRequestsFor,
  installBlockedRequestWatch,
  isWatchingBlockedRequests,
} from './blocked-requests';

const T = Date.UTC(2025, 4, 21, 14, 0, 0);

function violation(blockedURI: string, effectiveDirective = 'connect-src'): Event {
  return Object.assign(new Event('securitypolicyviolation'), { blockedURI, effectiveDirective });
}

test('records each refused request with its origin, directive and time, once however often installed', () => {
  const target = new EventTarget();
  const stop = installBlockedRequestWatch(target, () => T);
  installBlockedRequestWatch(target, () => T + 1);
  expect(isWatchingBlockedRequests()).toBe(true);
  target.dispatchEvent(violation('https://monitoring.eu-west-1.amazonaws.com/'));
  target.dispatchEvent(violation('https://monitoring.eu-west-1.amazonaws.com/x'));
  target.dispatchEvent(violation('inline', 'script-src-elem'));
  target.dispatchEvent(violation('https://cdn.example.com/font.woff2', 'font-src'));
  expect(blockedRequestsFor('https://monitoring.eu-west-1.amazonaws.com')).toEqual([
    {
      uri: 'https://monitoring.eu-west-1.amazonaws.com/',
      origin: 'https://monitoring.eu-west-1.amazonaws.com',
      directive: 'connect-src',
      at: T,
    },
    {
      uri: 'https://monitoring.eu-west-1.amazonaws.com/x',
      origin: 'https://monitoring.eu-west-1.amazonaws.com',
      directive: 'connect-src',
      at: T,
    },
  ]);
  expect(blockedRequests().map((b) => b.directive)).toContain('font-src');
  expect(blockedRequests().some((b) => b.uri === 'inline')).toBe(false);
  stop();
  expect(isWatchingBlockedRequests()).toBe(false);
  target.dispatchEvent(violation('https://after-stop.example.com/'));
  expect(blockedRequestsFor('https://after-stop.example.com')).toEqual([]);
});

test('keeps only the latest refusals', () => {
  const target = new EventTarget();
  const stop = installBlockedRequestWatch(target);
  for (let i = 0; i < 60; i++) target.dispatchEvent(violation(`https://many-${i}.example.com/`));
  stop();
  expect(blockedRequests()).toHaveLength(50);
  expect(blockedRequestsFor('https://many-0.example.com')).toEqual([]);
  expect(blockedRequestsFor('https://many-59.example.com')).toHaveLength(1);
});

test('without a document nothing is installed', () => {
  installBlockedRequestWatch(undefined)();
  expect(isWatchingBlockedRequests()).toBe(false);
});
