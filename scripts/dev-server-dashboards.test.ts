/**
 * Under the dev server (vite.config.ts and its dashboardsWatch plugin, as `npm start` runs it), a saved dashboard file reaches an open page:
 * the server sends the custom HMR event to a connected client, and serves the new text. The page's side, the
 * catalog reloading when the event arrives, is src/data/dashboards/dev-reload.test.ts. The dashboards folder
 * is a copy in a temporary public folder, so the repository's files are never touched.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DASHBOARDS_CHANGED } from '../src/data/dashboards/dev-reload';

const ROOT = join(import.meta.dirname, '..');

/** A minimal HMR client: Vite's WebSocket (subprotocol vite-hmr), reading the server's unmasked text frames. */
interface HmrClient {
  /** Resolves with the first message that `match` accepts. */
  next(match: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  close(): void;
}

function connect(port: number, token: string): Promise<HmrClient> {
  return new Promise((resolveClient, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: `/?token=${encodeURIComponent(token)}`,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'vite-hmr',
      },
    });
    req.on('error', reject);
    req.on('response', (res) => reject(new Error(`no upgrade: HTTP ${res.statusCode}`)));
    req.on('upgrade', (_res, socket: Duplex, head: Buffer) => {
      const messages: Record<string, unknown>[] = [];
      const waiting: Array<{
        match: (m: Record<string, unknown>) => boolean;
        done: (m: Record<string, unknown>) => void;
      }> = [];
      let buffer = Buffer.alloc(0);
      const deliver = (message: Record<string, unknown>): void => {
        const i = waiting.findIndex((w) => w.match(message));
        if (i >= 0) waiting.splice(i, 1)[0]?.done(message);
        else messages.push(message);
      };
      const read = (chunk: Buffer): void => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
          if (buffer.length < 2) return;
          const opcode = (buffer[0] ?? 0) & 0x0f;
          let length = (buffer[1] ?? 0) & 0x7f;
          let offset = 2;
          if (length === 126) {
            if (buffer.length < 4) return;
            length = buffer.readUInt16BE(2);
            offset = 4;
          } else if (length === 127) {
            if (buffer.length < 10) return;
            length = Number(buffer.readBigUInt64BE(2));
            offset = 10;
          }
          if (buffer.length < offset + length) return;
          const payload = buffer.subarray(offset, offset + length).toString('utf8');
          buffer = buffer.subarray(offset + length);
          if (opcode === 1) deliver(JSON.parse(payload) as Record<string, unknown>);
        }
      };
      // The first frames may come with the upgrade answer itself.
      read(head);
      socket.on('data', read);
      resolveClient({
        next: (match) =>
          new Promise((done) => {
            const i = messages.findIndex(match);
            if (i >= 0) done(messages.splice(i, 1)[0] as Record<string, unknown>);
            else waiting.push({ match, done });
          }),
        close: () => socket.destroy(),
      });
    });
    req.end();
  });
}

let server: ViteDevServer;
let port: number;
let publicDir: string;

beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'bellwether-public-'));
  cpSync(join(ROOT, 'public/dashboards'), join(publicDir, 'dashboards'), { recursive: true });
  server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    root: ROOT,
    publicDir,
    logLevel: 'silent',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, preTransformRequests: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  await server.listen();
  const address = server.httpServer ? (server.httpServer.address() as AddressInfo) : undefined;
  port = address?.port ?? 0;
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(publicDir, { recursive: true, force: true });
});

const isChange = (m: Record<string, unknown>): boolean =>
  m.type === 'custom' && m.event === DASHBOARDS_CHANGED;

test('a saved dashboard file is announced to every open page and served as saved', {
  timeout: 30_000,
}, async () => {
  const pages = await Promise.all([1, 2].map(() => connect(port, server.config.webSocketToken)));
  await Promise.all(pages.map((p) => p.next((m) => m.type === 'connected')));

  const file = join(publicDir, 'dashboards/checkout.yaml');
  const edited = readFileSync(file, 'utf8').replace('title: Checkout', 'title: Checkout (edited)');
  expect(edited).toContain('title: Checkout (edited)');
  writeFileSync(file, edited);

  for (const page of pages) {
    expect(await page.next(isChange)).toEqual({
      type: 'custom',
      event: DASHBOARDS_CHANGED,
      data: { files: ['checkout.yaml'] },
    });
  }
  const served = await fetch(`http://127.0.0.1:${port}/dashboards/checkout.yaml`).then((r) => r.text());
  expect(served).toContain('title: Checkout (edited)');
  for (const page of pages) page.close();
});

test('files that are not dashboards, or outside the folder, say nothing', { timeout: 30_000 }, async () => {
  const page = await connect(port, server.config.webSocketToken);
  await page.next((m) => m.type === 'connected');
  writeFileSync(join(publicDir, 'dashboards/notes.txt'), 'not a dashboard');
  writeFileSync(join(publicDir, 'robots.txt'), 'User-agent: *');
  // A dashboard saved afterwards is the first change the page hears of.
  writeFileSync(join(publicDir, 'dashboards/extra.yaml'), 'id: extra\n');
  expect(await page.next(isChange)).toMatchObject({ data: { files: ['extra.yaml'] } });
  page.close();
});
