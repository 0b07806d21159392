import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cognitoCredentials, userPoolProviderName } from './cognito';

const POOL = 'eu-west-1:0a1b2c3d-4e5f-6789-abcd-ef0123456789';
const IDENTITY = 'eu-west-1:11111111-2222-3333-4444-555555555555';
const EXPIRES = Date.UTC(2025, 4, 21, 15, 0, 0);

interface Seen {
  target: string;
  body: Record<string, unknown>;
  host: string;
}
const seen: Seen[] = [];
let refuseGuests = false;

// Cognito Identity speaks awsJson1_1; the real SDK provider talks to this handler.
const server = setupServer(
  http.post('https://cognito-identity.eu-west-1.amazonaws.com/', async ({ request }) => {
    const target = request.headers.get('x-amz-target') ?? '';
    const body = (await request.json()) as Record<string, unknown>;
    seen.push({ target, body, host: new URL(request.url).host });
    const headers = { 'content-type': 'application/x-amz-json-1.1' };
    if (refuseGuests && body.Logins === undefined) {
      return HttpResponse.json(
        {
          __type: 'NotAuthorizedException',
          message: 'Unauthenticated access is not supported for this identity pool.',
        },
        { status: 400, headers },
      );
    }
    if (target.endsWith('.GetId')) return HttpResponse.json({ IdentityId: IDENTITY }, { headers });
    return HttpResponse.json(
      {
        IdentityId: IDENTITY,
        Credentials: {
          AccessKeyId: 'ASIAEXAMPLECOGNITO01',
          SecretKey: 'secret',
          SessionToken: 'token',
          Expiration: EXPIRES / 1000,
        },
      },
      { headers },
    );
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  refuseGuests = false;
});
afterAll(() => server.close());

describe('cognitoCredentials through the real SDK provider', () => {
  test('guest access: GetId then GetCredentialsForIdentity in the pool region, no Logins', async () => {
    const credentials = await cognitoCredentials({ identityPoolId: POOL })();
    expect(credentials).toEqual({
      accessKeyId: 'ASIAEXAMPLECOGNITO01',
      secretAccessKey: 'secret',
      sessionToken: 'token',
      expiration: new Date(EXPIRES),
    });
    expect(seen.map((s) => s.target)).toEqual([
      'AWSCognitoIdentityService.GetId',
      'AWSCognitoIdentityService.GetCredentialsForIdentity',
    ]);
    expect(seen[0]?.body).toEqual({ IdentityPoolId: POOL });
    expect(seen.every((s) => s.body.Logins === undefined)).toBe(true);
  });

  test('the identity id is cached in memory, so a refresh asks only for credentials', async () => {
    const provider = cognitoCredentials({ identityPoolId: POOL });
    await provider();
    await provider();
    expect(seen.filter((s) => s.target.endsWith('.GetId'))).toHaveLength(1);
  });

  test('a signed-in user sends the user pool ID token as a login', async () => {
    const login = {
      providerName: userPoolProviderName('eu-west-1_AbC123'),
      idToken: async () => 'id-token-1',
    };
    await cognitoCredentials({ identityPoolId: POOL, login })();
    expect(seen[0]?.body.Logins).toEqual({
      'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123': 'id-token-1',
    });
  });

  test("Cognito's refusal reaches the caller with its name", async () => {
    refuseGuests = true;
    await expect(cognitoCredentials({ identityPoolId: POOL })()).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
  });
});
