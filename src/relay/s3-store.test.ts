import { S3Client } from '@aws-sdk/client-s3';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fakeS3 } from '../testing/fake-s3';
import { SNAPSHOT_CACHE_CONTROL, s3Store } from './s3-store';

const bucket = fakeS3('bellwether-site', 'eu-west-1');
const quiet = fakeS3('bellwether-quiet', 'eu-west-1', { missing: 'NoSuchKey' });
const server = setupServer(...bucket.handlers, ...quiet.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  bucket.objects.clear();
  bucket.calls.length = 0;
});
afterAll(() => server.close());

const client = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
  maxAttempts: 1,
});

describe('s3Store', () => {
  test('puts each snapshot under the prefix with its type and a 15 s cache lifetime', async () => {
    const store = s3Store({ client, bucket: 'bellwether-site', prefix: 'snapshots/' });
    await store.put('checkout/env=prod.json', '{"version":1}', 'application/json; charset=utf-8');
    expect(bucket.calls).toEqual(['PUT snapshots/checkout/env=prod.json']);
    expect(bucket.objects.get('snapshots/checkout/env=prod.json')).toEqual({
      body: '{"version":1}',
      contentType: 'application/json; charset=utf-8',
      cacheControl: 'public, max-age=15',
    });
    expect(SNAPSHOT_CACHE_CONTROL).toMatch(/max-age=15$/);
  });

  test('reads back what it wrote, and a newer put replaces it whole', async () => {
    const store = s3Store({ client, bucket: 'bellwether-site', prefix: 'snapshots/' });
    await store.put('platform/default.json', '{"n":1}', 'application/json');
    await store.put('platform/default.json', '{"n":2,"more":[1,2,3]}', 'application/json');
    expect(await store.get('platform/default.json')).toBe('{"n":2,"more":[1,2,3]}');
  });

  test('a missing object is undefined, whether S3 says 403 (no ListBucket) or 404', async () => {
    expect(await s3Store({ client, bucket: 'bellwether-site', prefix: 'snapshots/' }).get('none.json')).toBe(
      undefined,
    );
    expect(await s3Store({ client, bucket: 'bellwether-quiet', prefix: 'x/' }).get('none.json')).toBe(
      undefined,
    );
    expect(bucket.calls).toEqual(['GET snapshots/none.json']);
  });

  test('non-ASCII text survives the round trip byte for byte', async () => {
    const store = s3Store({ client, bucket: 'bellwether-site', prefix: 'dashboards/' });
    await store.put('café.yaml', 'title: Café — 5 €\n', 'application/yaml; charset=utf-8');
    expect(await store.get('café.yaml')).toBe('title: Café — 5 €\n');
  });

  test('other failures are thrown, not mistaken for an empty store', async () => {
    const broken = new S3Client({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'fake-secret' },
      maxAttempts: 1,
      endpoint: 'https://s3.eu-west-1.amazonaws.com',
      forcePathStyle: true,
    });
    server.use(
      http.get('https://s3.eu-west-1.amazonaws.com/*', () =>
        HttpResponse.text(
          '<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>',
          {
            status: 503,
            headers: { 'Content-Type': 'application/xml' },
          },
        ),
      ),
    );
    await expect(
      s3Store({ client: broken, bucket: 'bellwether-site', prefix: 'snapshots/' }).get('x.json'),
    ).rejects.toMatchObject({ name: 'SlowDown' });
  });
});
