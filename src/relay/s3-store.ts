import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { SnapshotStore } from './snapshot-store';

/**
 * How long a browser or CloudFront may keep a snapshot: a quarter of the shortest refresh (60 s), the
 * same as the template's snapshot cache policy, so a screen is never more than 15 s behind the relay.
 */
export const SNAPSHOT_CACHE_CONTROL = 'public, max-age=15';

export interface S3StoreOptions {
  bucket: string;
  /** Prepended to every key, e.g. `snapshots/`; the site serves this prefix to screens. */
  prefix: string;
  /** A client of the bucket's region; the Lambda's role credentials when built by the handler. */
  client?: S3Client;
  cacheControl?: string;
}

/**
 * A SnapshotStore on S3. A PutObject replaces the object whole or not at all ("Amazon S3 never adds
 * partial objects; if you receive a success response, Amazon S3 added the entire object to the bucket",
 * the PutObject reference), and reads after it are strongly consistent, so no screen is ever served half
 * a snapshot; the SDK's default checksum makes S3 refuse a body damaged on the way.
 */
export function s3Store(options: S3StoreOptions): SnapshotStore {
  const client = options.client ?? new S3Client({});
  const cacheControl = options.cacheControl ?? SNAPSHOT_CACHE_CONTROL;
  const objectKey = (key: string): string => `${options.prefix}${key}`;
  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          CacheControl: cacheControl,
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: objectKey(key) }));
        return out.Body ? await out.Body.transformToString('utf-8') : undefined;
      } catch (error) {
        if (isAbsent(error)) return undefined;
        throw error;
      }
    },
  };
}

/**
 * No such object. Without s3:ListBucket (which the relay's role does not have) S3 answers a missing key
 * with 403 AccessDenied rather than 404 NoSuchKey, so both mean "nothing there yet".
 */
function isAbsent(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata.httpStatusCode;
  return error.name === 'NoSuchKey' || status === 404 || status === 403;
}
