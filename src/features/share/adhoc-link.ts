/**
 * An ad-hoc dashboard inside a link: its YAML compressed with the browser's CompressionStream (deflate-raw),
 * written base64url in the fragment (`#d=…`), which browsers never send to the server.
 */

/** Links longer than this are cut by chat tools and mail clients; the fragment must fit. */
export const MAX_LINK_PAYLOAD_CHARS = 16_000;
/** Guards against a small payload that inflates to something huge. */
const MAX_YAML_BYTES = 256 * 1024;

export type AdhocError =
  | { kind: 'too-large'; message: string }
  | { kind: 'corrupt'; message: string }
  | { kind: 'unsupported'; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function pipe(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(new Uint8Array(bytes)).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new RangeError('limit');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function supported(): boolean {
  return typeof CompressionStream !== 'undefined' && typeof DecompressionStream !== 'undefined';
}

/** Packs dashboard YAML for `#d=`; refuses, with the sizes in words, what would make too long a link. */
export async function encodeAdhocDashboard(
  yaml: string,
): Promise<{ ok: true; payload: string } | { ok: false; error: AdhocError }> {
  if (!supported()) {
    return {
      ok: false,
      error: { kind: 'unsupported', message: 'This browser cannot compress a dashboard into a link.' },
    };
  }
  const bytes = new TextEncoder().encode(yaml);
  if (bytes.byteLength > MAX_YAML_BYTES) {
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `The dashboard is ${Math.ceil(bytes.byteLength / 1024)} KB; a link can carry at most ${MAX_YAML_BYTES / 1024} KB of YAML.`,
      },
    };
  }
  const payload = toBase64Url(
    await pipe(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY),
  );
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `Compressed, the dashboard still needs ${payload.length.toLocaleString('en')} characters; a link carries at most ${MAX_LINK_PAYLOAD_CHARS.toLocaleString('en')}. Put it in the site's dashboards folder instead.`,
      },
    };
  }
  return { ok: true, payload };
}

/** Unpacks `#d=`: corrupt, truncated or oversized payloads become errors that say which, never exceptions. */
export async function decodeAdhocDashboard(
  payload: string,
): Promise<{ ok: true; yaml: string } | { ok: false; error: AdhocError }> {
  if (!supported()) {
    return {
      ok: false,
      error: { kind: 'unsupported', message: 'This browser cannot open a dashboard from a link.' },
    };
  }
  if (payload.length > MAX_LINK_PAYLOAD_CHARS) {
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `The link carries ${payload.length.toLocaleString('en')} characters of dashboard; at most ${MAX_LINK_PAYLOAD_CHARS.toLocaleString('en')} are accepted.`,
      },
    };
  }
  const bytes = fromBase64Url(payload);
  if (!bytes || bytes.byteLength === 0) {
    return {
      ok: false,
      error: {
        kind: 'corrupt',
        message:
          'The dashboard in this link is damaged (it is not base64url). Ask for the link again; it may have been cut short.',
      },
    };
  }
  try {
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_YAML_BYTES);
    return { ok: true, yaml: new TextDecoder('utf-8', { fatal: true }).decode(inflated) };
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        ok: false,
        error: {
          kind: 'too-large',
          message: `The dashboard in this link unpacks to more than ${MAX_YAML_BYTES / 1024} KB, so it was not opened.`,
        },
      };
    }
    return {
      ok: false,
      error: {
        kind: 'corrupt',
        message:
          'The dashboard in this link is damaged and cannot be unpacked. Ask for the link again; it may have been cut short.',
      },
    };
  }
}

/** The payload from a location hash such as `#d=…`, if there is one. */
export function payloadFromHash(hash: string): string | undefined {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  return text.startsWith('d=') ? text.slice(2) : undefined;
}
