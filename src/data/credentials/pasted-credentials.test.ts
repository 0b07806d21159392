import { describe, expect, test } from 'vitest';
import { checkPastedCredentials, maskAccessKeyId, parseCredentialBlock } from './pasted-credentials';

const TEMP_ID = 'ASIAIOSFODNN7EXAMPLE';
const LONG_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('checkPastedCredentials', () => {
  test('temporary credentials pass without a warning', () => {
    const checked = checkPastedCredentials({
      accessKeyId: ` ${TEMP_ID} `,
      secretAccessKey: SECRET,
      sessionToken: 'IQoJb3JpZ2luX2Vj',
    });
    expect(checked).toEqual({
      ok: true,
      credentials: { accessKeyId: TEMP_ID, secretAccessKey: SECRET, sessionToken: 'IQoJb3JpZ2luX2Vj' },
      warnings: [],
    });
  });

  test('long-term keys (no session token) pass with a warning that says why and what instead', () => {
    const checked = checkPastedCredentials({ accessKeyId: LONG_ID, secretAccessKey: SECRET });
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.warnings[0]).toMatch(
      /long-term access keys.*never expire.*temporary credentials/s,
    );
    expect(checked.ok && checked.credentials.sessionToken).toBeUndefined();
  });

  test.each([
    [{ accessKeyId: '', secretAccessKey: SECRET }, 'Access key id is empty'],
    [{ accessKeyId: 'AKIA123', secretAccessKey: SECRET }, 'got 7 characters'],
    [{ accessKeyId: LONG_ID, secretAccessKey: 'short' }, 'Secret access key should be 40 characters'],
    [{ accessKeyId: TEMP_ID, secretAccessKey: SECRET }, 'Session token is missing'],
  ])('%j → %s', (input, message) => {
    const checked = checkPastedCredentials(input);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.join('\n')).toContain(message);
    // The secret is never echoed back in a message.
    expect(!checked.ok && checked.errors.join('\n')).not.toContain(SECRET);
  });
});

describe('parseCredentialBlock', () => {
  test.each([
    [
      'bash',
      `export AWS_ACCESS_KEY_ID=${TEMP_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SESSION_TOKEN=tok`,
    ],
    [
      'cmd',
      `set AWS_ACCESS_KEY_ID=${TEMP_ID}\r\nset AWS_SECRET_ACCESS_KEY=${SECRET}\r\nset AWS_SESSION_TOKEN=tok`,
    ],
    [
      'PowerShell',
      `$Env:AWS_ACCESS_KEY_ID="${TEMP_ID}"\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"\n$Env:AWS_SESSION_TOKEN="tok"`,
    ],
    [
      'credentials file',
      `[default]\naws_access_key_id = ${TEMP_ID}\naws_secret_access_key = ${SECRET}\naws_session_token = tok`,
    ],
  ])('%s', (_, text) => {
    expect(parseCredentialBlock(text)).toEqual({
      accessKeyId: TEMP_ID,
      secretAccessKey: SECRET,
      sessionToken: 'tok',
    });
  });

  test('ignores unrelated lines', () => {
    expect(parseCredentialBlock('export AWS_REGION=eu-west-1\nhello')).toEqual({});
  });
});

test('maskAccessKeyId shows only the kind and the last four characters', () => {
  expect(maskAccessKeyId(TEMP_ID)).toBe('ASIA…MPLE');
  expect(maskAccessKeyId('short')).toBe('••••');
});
