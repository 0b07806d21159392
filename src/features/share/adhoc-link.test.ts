import { describe, expect, test } from 'vitest';
import {
  decodeAdhocDashboard,
  encodeAdhocDashboard,
  MAX_LINK_PAYLOAD_CHARS,
  payloadFromHash,
} from './adhoc-link';

const yaml = `id: adhoc\ntitle: Ad hoc\nregion: us-east-1\nkpis:\n  - id: x\n    title: "<img src=x onerror=alert(1)>"\n`;

describe('dashboards in links', () => {
  test('round-trip through deflate-raw and base64url', async () => {
    const packed = await encodeAdhocDashboard(yaml);
    expect(packed.ok).toBe(true);
    if (!packed.ok) return;
    expect(packed.payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeAdhocDashboard(packed.payload)).toEqual({ ok: true, yaml });
    expect(payloadFromHash(`#d=${packed.payload}`)).toBe(packed.payload);
  });

  test.each([
    ['not base64url', 'abc$%', 'corrupt'],
    ['valid base64 but not deflate', 'AAAAAAAAAAAA', 'corrupt'],
    ['too long a link', 'A'.repeat(MAX_LINK_PAYLOAD_CHARS + 1), 'too-large'],
  ])('%s gives a %s error', async (_, payload, kind) => {
    const result = await decodeAdhocDashboard(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe(kind);
  });

  test('a cut-short link is reported as damaged', async () => {
    const packed = await encodeAdhocDashboard(yaml.repeat(20));
    if (!packed.ok) throw new Error('did not pack');
    const result = await decodeAdhocDashboard(packed.payload.slice(0, packed.payload.length / 2));
    expect(result).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
  });

  test('a payload that inflates past the limit is refused (a zip bomb)', async () => {
    const bomb = await encodeAdhocDashboard('#'.repeat(200_000));
    if (!bomb.ok) throw new Error('did not pack');
    // Packing refuses nothing here (it is small compressed); unpacking twice the size must stop at the limit.
    const doubled = await encodeAdhocDashboard('#'.repeat(250_000));
    if (!doubled.ok) throw new Error('did not pack');
    expect((await decodeAdhocDashboard(doubled.payload)).ok).toBe(true);
    const huge = await encodeAdhocDashboard('a'.repeat(300_000));
    expect(huge).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });
});
