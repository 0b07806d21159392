import { describe, expect, test } from 'vitest';
import { nestedExplicitKeys } from '../../domain/kpi/hostile-yaml';
import { encodeAdhocDashboard } from './adhoc-link';
import { openSharedPayload, SHARED_FILE_NAME, splitFileName, withFileName } from './open-shared';

const GOOD = `id: adhoc
title: Ad hoc
region: us-east-1
kpis:
  - id: x
    title: X
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop, name: Orders, stat: Sum }
  - id: y
    title: Y
    category: health
    unit: count
    direction: higher-is-better
    query:
      metric: { namespace: Shop, name: Orders, stat: P99.x }
`;

async function pack(yaml: string): Promise<string> {
  const packed = await encodeAdhocDashboard(yaml);
  if (!packed.ok) throw new Error(packed.error.message);
  return packed.payload;
}

describe('opening a dashboard from a link', () => {
  test("an imported file's errors name that file, at the file's own lines", async () => {
    const opened = await openSharedPayload(await pack(withFileName('checkout copy (1).yaml', GOOD)));
    expect(opened.ok).toBe(true);
    if (!opened.ok || !opened.parsed.ok) throw new Error('not opened');
    expect(opened.yaml).toBe(GOOD);
    const bad = opened.parsed.dashboard.kpis.find((entry) => !entry.ok);
    expect(bad).toMatchObject({ ok: false, errors: [{ file: 'checkout copy (1).yaml', line: 18 }] });
  });

  test('a link made without a file name says shared-link.yaml', async () => {
    const opened = await openSharedPayload(await pack(GOOD));
    expect(opened).toMatchObject({ ok: true, file: SHARED_FILE_NAME, yaml: GOOD });
  });

  test.each([
    ['a name with a path', '# bellwether-file: ../../etc/passwd\nid: a\n'],
    ['a name that is not YAML', '# bellwether-file: evil.js\nid: a\n'],
    ['a name too long', `# bellwether-file: ${'a'.repeat(200)}.yaml\nid: a\n`],
  ])('%s is not taken as the name, and the text is left whole', (_what, text) => {
    expect(splitFileName(text)).toEqual({ file: SHARED_FILE_NAME, yaml: text });
  });

  test('what a worker posts back survives the structured clone', async () => {
    const opened = await openSharedPayload(await pack(GOOD));
    expect(structuredClone(opened)).toEqual(opened);
  });

  test('a hostile link (nested explicit keys) opens as one precise error', async () => {
    const opened = await openSharedPayload(await pack(nestedExplicitKeys(1000)));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.parsed).toMatchObject({
      ok: false,
      errors: [{ file: SHARED_FILE_NAME, line: 4, message: expect.stringMatching(/nested more than 32/) }],
    });
  });
});
