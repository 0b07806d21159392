import { crc32 } from 'node:zlib';
import { HttpResponse, http } from 'msw';

/** One object as S3 keeps it, with the headers it serves it with. */
export interface StoredObject {
  body: string;
  contentType: string | undefined;
  cacheControl: string | undefined;
}

export interface FakeS3 {
  objects: Map<string, StoredObject>;
  /** Every request, as `GET key` / `PUT key`, in order. */
  calls: string[];
  /** msw handlers for the bucket's virtual-hosted endpoint (the SDK's default addressing). */
  handlers: ReturnType<typeof http.all>[];
}

const xmlError = (status: number, code: string, message: string): Response =>
  new HttpResponse(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>FAKE</RequestId></Error>`,
    { status, headers: { 'Content-Type': 'application/xml' } },
  );

/**
 * An S3 bucket over HTTP for tests, answering the real SDK client as S3 documents: GetObject and
 * PutObject on `https://<bucket>.s3.<region>.amazonaws.com/<key>`, SigV4 required, a body whose
 * x-amz-checksum-crc32 does not match refused (BadDigest) and nothing stored. A missing key is 403
 * AccessDenied, as S3 answers a caller without s3:ListBucket (the relay's role), or 404 NoSuchKey.
 */
export function fakeS3(
  bucket: string,
  region = 'us-east-1',
  options: { missing?: 'AccessDenied' | 'NoSuchKey' } = {},
): FakeS3 {
  const objects = new Map<string, StoredObject>();
  const calls: string[] = [];
  const url = `https://${bucket}.s3.${region}.amazonaws.com/*`;
  const keyOf = (request: Request): string => decodeURIComponent(new URL(request.url).pathname.slice(1));
  const signed = (request: Request): boolean =>
    (request.headers.get('authorization') ?? '').startsWith('AWS4-HMAC-SHA256 ');
  const handlers = [
    http.get(url, ({ request }) => {
      const key = keyOf(request);
      calls.push(`GET ${key}`);
      if (!signed(request)) return xmlError(403, 'AccessDenied', 'Access Denied');
      const object = objects.get(key);
      if (!object) {
        return options.missing === 'NoSuchKey'
          ? xmlError(404, 'NoSuchKey', 'The specified key does not exist.')
          : xmlError(403, 'AccessDenied', 'Access Denied');
      }
      return new HttpResponse(object.body, {
        status: 200,
        headers: {
          'Content-Type': object.contentType ?? 'binary/octet-stream',
          ...(object.cacheControl ? { 'Cache-Control': object.cacheControl } : {}),
        },
      });
    }),
    http.put(url, async ({ request }) => {
      const key = keyOf(request);
      calls.push(`PUT ${key}`);
      if (!signed(request)) return xmlError(403, 'AccessDenied', 'Access Denied');
      const bytes = Buffer.from(await request.arrayBuffer());
      const checksum = request.headers.get('x-amz-checksum-crc32');
      if (checksum !== null) {
        const expected = Buffer.alloc(4);
        expected.writeUInt32BE(crc32(bytes));
        if (expected.toString('base64') !== checksum) {
          return xmlError(400, 'BadDigest', 'The CRC32 you specified did not match the calculated checksum.');
        }
      }
      objects.set(key, {
        body: bytes.toString('utf8'),
        contentType: request.headers.get('content-type') ?? undefined,
        cacheControl: request.headers.get('cache-control') ?? undefined,
      });
      return new HttpResponse(null, { status: 200, headers: { ETag: '"fake"' } });
    }),
  ];
  return { objects, calls, handlers };
}
