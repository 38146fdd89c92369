// The host's changes to botbuilder's authentication (auth.ts): checked against the
// installed botbuilder, a forged or expired token is a 401, and the connector clients
// CloudAdapter asks for are made once per app id, service URL and audience, a failed
// one is made again, and the cache stays bounded.
import { createRequire } from 'node:module';
import {
  ClaimsIdentity,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { adaptAuthentication, BOTBUILDER_CHECKED } from './auth.ts';

function fakeAuth(appId: string, failWith?: Error) {
  const made: string[] = [];
  let failNext = false;
  const identity = new ClaimsIdentity([{ type: 'appid', value: appId }], true);
  const auth = {
    authenticateRequest: async (): Promise<AuthenticateRequestResult> => {
      if (failWith) throw failWith;
      return {
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
      };
    },
    createUserTokenClient: async () => ({ id: made.push('token') }) as unknown as UserTokenClient,
  } as unknown as BotFrameworkAuthentication;
  return { auth, made, failOnce: () => (failNext = true) };
}

async function connector(auth: BotFrameworkAuthentication, serviceUrl: string): Promise<ConnectorClient> {
  const result = await auth.authenticateRequest({ serviceUrl } as Activity, '');
  return result.connectorFactory!.create(serviceUrl, result.audience);
}

describe('the installed botbuilder', () => {
  it('is the version the changes in auth.ts were checked against', () => {
    const require = createRequire(import.meta.url);
    const installed = ['botbuilder', 'botframework-connector'].map((p) => (require(`${p}/package.json`) as { version: string }).version);
    // Another version: check adaptAuthentication against its CloudAdapter and
    // ConfigurationBotFrameworkAuthentication, then update BOTBUILDER_CHECKED.
    expect(installed).toEqual([BOTBUILDER_CHECKED, BOTBUILDER_CHECKED]);
  });

  it('still has the two methods auth.ts replaces, on the class the host uses', () => {
    const auth = new ConfigurationBotFrameworkAuthentication({});
    expect(typeof auth.authenticateRequest).toBe('function');
    expect(typeof auth.createUserTokenClient).toBe('function');
    adaptAuthentication(auth);
    expect(Object.keys(auth)).toEqual(expect.arrayContaining(['authenticateRequest', 'createUserTokenClient']));
  });
});

describe('adaptAuthentication', () => {
  it('answers a forged, early or expired token with a 401, and passes other errors on', async () => {
    for (const name of ['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']) {
      const { auth } = fakeAuth('app-1', Object.assign(new Error('invalid signature'), { name }));
      adaptAuthentication(auth);
      await expect(auth.authenticateRequest({} as Activity, 'Bearer x')).rejects.toMatchObject({ statusCode: 401 });
    }
    const { auth } = fakeAuth('app-1', new Error('metadata endpoint unreachable'));
    adaptAuthentication(auth);
    await expect(auth.authenticateRequest({} as Activity, 'Bearer x')).rejects.toThrow('metadata endpoint unreachable');
  });

  it('hands out one connector client per service URL and audience, and one token client per app', async () => {
    const { auth, made } = fakeAuth('app-1');
    adaptAuthentication(auth);
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
    adaptAuthentication(auth);
    failOnce();
    await expect(connector(auth, 'https://smba.example/')).rejects.toThrow(/unreachable/);
    await expect(connector(auth, 'https://smba.example/')).resolves.toMatchObject({ serviceUrl: 'https://smba.example/' });
    expect(made).toHaveLength(2);
  });

  it('keeps at most its size of clients, dropping the least recently used', async () => {
    const { auth, made } = fakeAuth('app-1');
    adaptAuthentication(auth, 2);
    await connector(auth, 'https://a/');
    await connector(auth, 'https://b/');
    await connector(auth, 'https://a/');
    await connector(auth, 'https://c/');
    await connector(auth, 'https://a/');
    await connector(auth, 'https://b/');
    expect(made).toEqual(['https://a/ aud', 'https://b/ aud', 'https://c/ aud', 'https://b/ aud']);
  });
});
