import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeCloudWatch, OperationAnswer, OperationRequest } from '../core/account';
import { serveRequest } from '../protocols/serve';

export interface HttpHandlerOptions {
  /** Headers added to every answer, e.g. CORS headers. */
  headers?: Record<string, string>;
  /** A larger request body is answered 413 without reaching the account (default 1 MiB). */
  maxBodyBytes?: number;
}

/** Answers one node:http request; resolves once the answer is written (or the connection dropped). */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const MAX_BODY_BYTES = 1_048_576;

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The request as a fetch Request; its URL's host is the Host header, so a monitoring host names the region. */
function toRequest(req: IncomingMessage, body: Buffer): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const method = req.method ?? 'POST';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
}

/**
 * The account behind node:http: reads the body, serves the request in its protocol and writes the
 * answer; for the `network` fault it destroys the socket, as a dropped connection. What the HTTP server
 * does before (CORS preflights, routing) is its own business.
 */
export function createHttpHandler(account: FakeCloudWatch, options: HttpHandlerOptions = {}): HttpHandler {
  const extra = options.headers ?? {};
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  return async (req, res) => {
    const body = await readBody(req, limit);
    if (body === undefined) {
      res.writeHead(413, extra).end();
      return;
    }
    // A threaded account (threaded-account.ts) drops the job of a client that hangs up before its answer.
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const invoke = account.invoke as (
      request: OperationRequest,
      signal?: AbortSignal,
    ) => Promise<OperationAnswer>;
    const scoped: FakeCloudWatch = { ...account, invoke: (request) => invoke(request, gone.signal) };
    const outcome = await serveRequest(toRequest(req, body), scoped);
    if (outcome.kind === 'network-error') {
      req.socket.destroy();
      return;
    }
    const { status, headers, body: text } = outcome.response;
    res.writeHead(status, { ...headers, ...extra }).end(text);
  };
}
