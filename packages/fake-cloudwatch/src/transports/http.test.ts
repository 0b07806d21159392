import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createFakeCloudWatch } from '../core/account';
import { createHttpHandler } from './http';

const fake = createFakeCloudWatch({ now: () => Date.UTC(2025, 4, 21, 14, 0, 0) });
let server: Server;
let url: string;
beforeAll(async () => {
  const serve = createHttpHandler(fake, { headers: { 'x-extra': 'yes' }, maxBodyBytes: 64 });
  server = createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const target = { 'x-amz-target': 'GraniteServiceVersion20100801.ListMetrics' };

test('serves the account over node:http in its protocol, with the extra headers', async () => {
  const response = await fetch(url, { method: 'POST', headers: target, body: '{}' });
  expect(response.status).toBe(403);
  expect(response.headers.get('x-extra')).toBe('yes');
  expect(response.headers.get('x-amzn-query-error')).toBe('MissingAuthenticationToken;Sender');
  expect(fake.calls.at(-1)).toMatchObject({ operation: 'ListMetrics', body: {} });
});

test('a form-encoded request is served in the query protocol, in XML', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=ListMetrics&Version=2010-08-01',
  });
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toBe('text/xml');
  expect(await response.text()).toContain('<Code>MissingAuthenticationToken</Code>');
  expect(fake.calls.at(-1)).toMatchObject({ operation: 'ListMetrics', body: {} });
});

test('a body over the limit is answered 413 without reaching the account', async () => {
  fake.clearCalls();
  const response = await fetch(url, { method: 'POST', headers: target, body: 'x'.repeat(65) });
  expect(response.status).toBe(413);
  expect(response.headers.get('x-extra')).toBe('yes');
  expect(fake.calls).toEqual([]);
});
