// The connector clients CloudAdapter asks for are made once per app id, service URL and
// audience, a failed one is made again, and the cache stays bounded.
import {
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { reuseConnectorClients } from './connector-cache.ts';

function fakeAuth(appId: string) {
  const made: string[] = [];
  let failNext = false;
  const identity = new ClaimsIdentity([{ type: 'appid', value: appId }], true);
  const auth = {
    authenticateRequest: async (): Promise<AuthenticateRequestResult> => ({
      audience: 'aud',
      callerId: '',
      claimsIdentity: identity,
      connectorFactory: {
        create: async (serviceUrl: string, audience?: string) => {
          made.push(`${serviceUrl} ${audience ?? ''}`);
          if (failNext) {
            failNext = false;
            throw new Error('login.microsoftonline.com unreachable');
          }
          return { serviceUrl } as unknown as ConnectorClient;
        },
      },
    }),
    createUserTokenClient: async () => ({ id: made.push('token') }) as unknown as UserTokenClient,
  } as unknown as BotFrameworkAuthentication;
  return { auth, made, failOnce: () => (failNext = true) };
}

async function connector(auth: BotFrameworkAuthentication, serviceUrl: string): Promise<ConnectorClient> {
  const result = await auth.authenticateRequest({ serviceUrl } as Activity, '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('reuseConnectorClients', () => {
  it('hands out one connector client per service URL and audience, and one token client per app', async () => {
    const { auth, made } = fakeAuth('app-1');
    reuseConnectorClients(auth);
    const a = await connector(auth, 'https://smba.example/emea/');
    const b = await connector(auth, 'https://smba.example/emea/');
    const c = await connector(auth, 'https://smba.example/amer/');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const identity = (await auth.authenticateRequest({} as Activity, '')).claimsIdentity;
    expect(await auth.createUserTokenClient(identity)).toBe(await auth.createUserTokenClient(identity));
    expect(made).toEqual(['https://smba.example/emea/ aud', 'https://smba.example/amer/ aud', 'token']);
  });

  it('makes a client again after its creation failed', async () => {
    const { auth, made, failOnce } = fakeAuth('app-1');
    reuseConnectorClients(auth);
    failOnce();
    await expect(connector(auth, 'https://smba.example/')).rejects.toThrow(/unreachable/);
    await expect(connector(auth, 'https://smba.example/')).resolves.toMatchObject({ serviceUrl: 'https://smba.example/' });
    expect(made).toHaveLength(2);
  });

  it('keeps at most its size of clients, dropping the least recently used', async () => {
    const { auth, made } = fakeAuth('app-1');
    reuseConnectorClients(auth, 2);
    await connector(auth, 'https://a/');
    await connector(auth, 'https://b/');
    await connector(auth, 'https://a/');
    await connector(auth, 'https://c/');
    await connector(auth, 'https://a/');
    await connector(auth, 'https://b/');
    expect(made).toEqual(['https://a/ aud', 'https://b/ aud', 'https://c/ aud', 'https://b/ aud']);
  });
});
