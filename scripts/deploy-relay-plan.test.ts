import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import {
  compactRelayConfig,
  MAX_RELAY_CONFIG_BYTES,
  relayCodeKey,
  relayStackParameters,
  relaySteps,
  zipBundle,
  zipEntries,
} from './deploy-relay-plan';

const CODE = 'export const handler = async () => ({ ok: true });\n';

describe('the relay package', () => {
  test('a zip Lambda can open: index.mjs at its root, the bytes unchanged', () => {
    const zip = zipBundle({ 'index.mjs': CODE });
    expect(zipEntries(zip)).toEqual(['index.mjs']);
    expect(new TextDecoder().decode(unzipSync(zip)['index.mjs'])).toBe(CODE);
    // The local file header's signature, as in every zip.
    expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  test('the same code makes the same zip and key; other code another key', () => {
    const a = zipBundle({ 'index.mjs': CODE });
    expect(zipBundle({ 'index.mjs': CODE })).toEqual(a);
    expect(relayCodeKey(a)).toBe(relayCodeKey(zipBundle({ 'index.mjs': CODE })));
    expect(relayCodeKey(a)).not.toBe(relayCodeKey(zipBundle({ 'index.mjs': `${CODE}// v2\n` })));
    expect(relayCodeKey(a)).toMatch(/^relay\/bellwether-relay-[0-9a-f]{16}\.zip$/);
  });
});

describe('the stack update', () => {
  const site = { Regions: 'eu-west-1', ExtraConnectSources: '' };

  test('sets the code, the dashboards and the CSP parameters; keeps every other parameter as it was', () => {
    const parameters = relayStackParameters({
      existing: ['GuestAccess', 'PriceClass', 'Regions', 'RelayCodeKey', 'UserPoolProviderName'],
      codeKey: 'relay/bellwether-relay-0123456789abcdef.zip',
      relayConfig: '{"dashboards":[{"id":"checkout"}]}',
      site,
    });
    expect(parameters).toEqual([
      { ParameterKey: 'ExtraConnectSources', ParameterValue: '' },
      { ParameterKey: 'GuestAccess', UsePreviousValue: true },
      { ParameterKey: 'PriceClass', UsePreviousValue: true },
      { ParameterKey: 'Regions', ParameterValue: 'eu-west-1' },
      { ParameterKey: 'RelayCodeKey', ParameterValue: 'relay/bellwether-relay-0123456789abcdef.zip' },
      { ParameterKey: 'RelayDashboards', ParameterValue: '{"dashboards":[{"id":"checkout"}]}' },
      { ParameterKey: 'UserPoolProviderName', UsePreviousValue: true },
    ]);
  });

  test('a relay config too big for a stack parameter is refused before anything is sent', () => {
    expect(() =>
      relayStackParameters({
        existing: [],
        codeKey: 'k',
        relayConfig: JSON.stringify({ x: 'y'.repeat(MAX_RELAY_CONFIG_BYTES) }),
        site,
      }),
    ).toThrow(/at most 3500 fit a stack parameter/);
  });

  test('the relay config travels as one line of JSON; none means every dashboard', () => {
    expect(compactRelayConfig('{\n  "dashboards": [ "checkout" ]\n}\n')).toBe('{"dashboards":["checkout"]}');
    expect(compactRelayConfig(undefined)).toBe('');
    expect(() => compactRelayConfig('{ nope')).toThrow(SyntaxError);
  });

  test('the dry run says every step, in order', () => {
    const parameters = relayStackParameters({ existing: [], codeKey: 'relay/r.zip', relayConfig: '', site });
    expect(
      relaySteps({
        stack: 'bellwether',
        codeBucket: 'code',
        codeKey: 'relay/r.zip',
        zipBytes: 1234,
        parameters,
      }),
    ).toEqual([
      'bundle src/relay/lambda.ts → index.mjs (one ESM file, the AWS SDK included)',
      'zip it: 1234 bytes',
      'put s3://code/relay/r.zip',
      "update stack bellwether with infra/bellwether-site.yaml: ExtraConnectSources='' Regions='eu-west-1' RelayCodeKey='relay/r.zip' RelayDashboards=0 bytes; the rest as they are",
      'wait for bellwether to finish updating (the function, its schedule and roles)',
    ]);
  });
});
