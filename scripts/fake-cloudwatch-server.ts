/**
 * The simulated CloudWatch account over real HTTP on loopback: the package's node:http transport behind a
 * small server that answers CORS preflights the way AWS endpoints do, so a browser on another origin
 * (the built app) or the AWS CLI can talk to it. It speaks both of CloudWatch's browser-usable protocols,
 * AWS JSON 1.0 and query. Run: npm run fake-cloudwatch -- [--port 9327] [--fault throttle]
 * [--refuse-json-preflight] (or FAKE_CLOUDWATCH_REFUSE_JSON_PREFLIGHT=1): refuse a preflight asking for
 * the JSON protocol's headers, as an endpoint might that allows only the query protocol's. [--workers N]:
 * the threads that compute answers (default one fewer than the cores; 0: on the event loop).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createFakeCloudWatch,
  type FaultController,
  faultKinds,
  parseFaultParameter,
  type RecordedCall,
} from '@bellwether/fake-cloudwatch';
import { createHttpHandler } from '@bellwether/fake-cloudwatch/http';
import { createPooledFakeCloudWatch, defaultWorkerCount } from '@bellwether/fake-cloudwatch/worker-pool';

/**
 * Request headers the SDK for JavaScript v3 sends from a browser to CloudWatch (SigV4, the JSON protocol,
 * the SDK's invocation headers). A preflight asking for anything else is refused, as AWS refuses it.
 */
export const ALLOWED_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-target',
  'x-amzn-query-mode',
  'x-amz-user-agent',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
] as const;

/**
 * The headers only the JSON protocol sends (X-Amz-Target names the operation, x-amzn-query-mode asks for
 * query-compatible errors); the query protocol names its operation in the form body instead.
 */
export const JSON_PROTOCOL_HEADERS = ['x-amz-target', 'x-amzn-query-mode'] as const;

/** Response headers a page may read; x-amzn-query-error is not exposed, so the SDK must read the body's __type. */
export const EXPOSED_RESPONSE_HEADERS = ['x-amzn-requestid'] as const;

const ALLOWED_METHODS = ['GET', 'POST'];

export interface PreflightRecord {
  origin: string | undefined;
  method: string | undefined;
  headers: string[];
  allowed: boolean;
}

export interface LoopbackOptions {
  port?: number;
  now?: () => number;
  anchor?: number;
  /** Operations answered with AccessDenied, as for credentials whose policy lacks the action. */
  deny?: string[];
  /** Refuse CORS preflights that ask for the JSON protocol's headers (JSON_PROTOCOL_HEADERS). */
  refuseJsonPreflight?: boolean;
  /**
   * Worker threads that compute the answers, so a long query never holds the server's event loop
   * (default: one fewer than the cores, at least one); 0 computes them on the event loop itself.
   */
  workers?: number;
}

export interface LoopbackCloudWatch {
  url: string;
  port: number;
  faults: FaultController;
  calls: RecordedCall[];
  preflights: PreflightRecord[];
  /** Origins of the signed requests that reached the account (the browser sets Origin on cross-origin calls). */
  origins: Array<string | undefined>;
  deny: Set<string>;
  close(): Promise<void>;
}

/**
 * Decides a CORS preflight like an AWS endpoint: any origin, GET/POST, and only the headers the SDK needs
 * (without the JSON protocol's when `refuseJson`).
 */
export function answerPreflight(
  method: string | undefined,
  requested: string | undefined,
  refuseJson = false,
): { allowed: boolean; headers: string[] } {
  const headers = (requested ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const refused = new Set<string>(refuseJson ? JSON_PROTOCOL_HEADERS : []);
  const allowedHeaders = new Set<string>(ALLOWED_REQUEST_HEADERS.filter((h) => !refused.has(h)));
  const allowed =
    method !== undefined &&
    ALLOWED_METHODS.includes(method.toUpperCase()) &&
    headers.every((h) => allowedHeaders.has(h));
  return { allowed, headers };
}

function corsHeaders(): Record<string, string> {
  return {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED_RESPONSE_HEADERS.join(', '),
  };
}

/** Starts the loopback CloudWatch on 127.0.0.1 (port 0 = any free port) and resolves once it listens. */
export async function startLoopbackCloudWatch(options: LoopbackOptions = {}): Promise<LoopbackCloudWatch> {
  const accountOptions = { now: options.now ?? Date.now, anchor: options.anchor, deny: options.deny ?? [] };
  const workers = options.workers ?? defaultWorkerCount();
  const pooled = workers > 0 ? createPooledFakeCloudWatch({ ...accountOptions, workers }) : undefined;
  const fake = pooled ?? createFakeCloudWatch(accountOptions);
  // Listening only once the workers have loaded: the first requests then meet no cold start.
  await pooled?.ready();
  const serve = createHttpHandler(fake, { headers: corsHeaders() });
  const preflights: PreflightRecord[] = [];
  const origins: Array<string | undefined> = [];

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = req.headers.origin;
    if (req.method === 'OPTIONS') {
      const method = req.headers['access-control-request-method'];
      const requested = req.headers['access-control-request-headers'];
      const answer = answerPreflight(
        typeof method === 'string' ? method : undefined,
        requested,
        options.refuseJsonPreflight === true,
      );
      preflights.push({ origin, method, headers: answer.headers, allowed: answer.allowed });
      if (!answer.allowed) {
        res
          .writeHead(403, { 'content-type': 'text/plain' })
          .end('CORS preflight refused: method or header not allowed');
        return;
      }
      res
        .writeHead(200, {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': ALLOWED_METHODS.join(', '),
          'access-control-allow-headers': answer.headers.join(', '),
          'access-control-max-age': '172800',
          'content-length': '0',
        })
        .end();
      return;
    }
    if (req.method !== 'POST') {
      res
        .writeHead(404, { ...corsHeaders(), 'content-type': 'text/plain' })
        .end('CloudWatch answers POST requests');
      return;
    }
    origins.push(origin);
    await serve(req, res);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, corsHeaders());
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    faults: fake.faults,
    calls: fake.calls,
    preflights,
    origins,
    deny: fake.denied,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await pooled?.close();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '9327' },
      fault: { type: 'string' },
      deny: { type: 'string', multiple: true },
      'refuse-json-preflight': { type: 'boolean', default: false },
      workers: { type: 'string' },
    },
  });
  const refuseJsonPreflight =
    values['refuse-json-preflight'] === true || process.env.FAKE_CLOUDWATCH_REFUSE_JSON_PREFLIGHT === '1';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`fake-cloudwatch: --port ${values.port} is not a port number (0-65535)`);
    process.exit(2);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
    console.error(`fake-cloudwatch: --workers ${values.workers} is not a number of threads (0-64)`);
    process.exit(2);
  }
  const fault = values.fault === undefined ? undefined : parseFaultParameter(values.fault);
  if (values.fault !== undefined && fault === undefined) {
    console.error(`fake-cloudwatch: --fault ${values.fault} is not one of ${faultKinds.join(', ')}`);
    process.exit(2);
  }
  let server: LoopbackCloudWatch;
  try {
    server = await startLoopbackCloudWatch({
      port,
      deny: values.deny ?? [],
      refuseJsonPreflight,
      ...(workers === undefined ? {} : { workers }),
    });
  } catch (error) {
    console.error(
      `fake-cloudwatch: could not listen on 127.0.0.1:${port} (${error instanceof Error ? error.message : String(error)}); choose another with --port`,
    );
    process.exit(1);
  }
  if (fault) server.faults.inject(fault);
  console.log(
    `Simulated CloudWatch listening on ${server.url} (CORS like AWS; any SigV4 credentials accepted; JSON and query protocols)`,
  );
  if (refuseJsonPreflight) {
    console.log(
      `  refusing CORS preflights that ask for ${JSON_PROTOCOL_HEADERS.join(', ')}: browsers must use the query protocol`,
    );
  }
  console.log(
    `  app:     public/config.json → {"endpoint": "${server.url}", "credentials": {"source": "pasted"}}`,
  );
  console.log(
    `  AWS CLI: aws cloudwatch list-metrics --namespace Shop/Checkout --region us-east-1 --endpoint-url ${server.url}`,
  );
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void main();
}
