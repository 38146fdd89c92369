// With an app id configured, /api/messages accepts only tokens signed by a key the Bot
// Framework publishes. This machine has no internet, so the published key set is put into
// the Bot Framework library's own key cache (the one it fills from login.botframework.com):
// a token signed with that key is the control that the whole path really validates, and
// every token signed otherwise, or carrying the wrong claims, must get 401.
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// botbuilder's own dependency: its CloudAdapter validates tokens with this package. The
// extractor is not re-exported by the package index, so it is imported from its module.
import { AuthenticationConstants } from 'botframework-connector';
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor.js';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { fakeEngine } from '../bot/testing/fake-engine.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';

const APP_ID = '00000000-0000-0000-0000-0000000000a1';
const PASSWORD = 'test-password-not-a-secret';
const KID = 'published-key';
const SERVICE_URL = 'http://127.0.0.1:1/';

const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

interface KeyCache {
  keys?: unknown[];
  lastUpdated: number;
}
/** The library's per-URL metadata objects; private in its types, so reached through a narrow cast. */
function keyCache(url: string): KeyCache {
  const extractor = JwtTokenExtractor as unknown as { getOrAddOpenIdMetadata(url: string): KeyCache };
  return extractor.getOrAddOpenIdMetadata(url);
}

const b64 = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function rs256(payload: object, key: KeyObject = published.privateKey, kid = KID): string {
  const signed = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
  return `${signed}.${b64(createSign('RSA-SHA256').update(signed).sign(key))}`;
}

function claims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    aud: APP_ID,
    nbf: now - 60,
    exp: now + 3600,
    serviceurl: SERVICE_URL,
    ...extra,
  };
}

let server: RunningBotServer;
const saved: [KeyCache, unknown[] | undefined, number][] = [];

beforeAll(async () => {
  const jwk = published.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  for (const url of [
    AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ]) {
    const cache = keyCache(url);
    saved.push([cache, cache.keys, cache.lastUpdated]);
    cache.keys = [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: [] }];
    cache.lastUpdated = Date.now();
  }
  const config = loadConfig({
    PORT: '0',
    PACING: 'false',
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: PASSWORD,
    // The test's connector runs on this machine; a real deployment lists only the channels' hosts.
    SERVICE_URL_HOSTS: '127.0.0.1',
  });
  server = await startServer(config, {
    logger: silentLogger,
    store: await openStorage({ dataDir: '', kind: 'memory' }),
    engine: fakeEngine(),
  });
});

afterAll(async () => {
  await server?.close();
  for (const [cache, keys, lastUpdated] of saved) Object.assign(cache, { keys, lastUpdated });
});

async function post(authorization: string | undefined): Promise<{ status: number; body: string }> {
  const activity = {
    type: 'message',
    id: `auth-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    conversation: { id: 'conv-auth' },
    from: { id: 'trainee-auth' },
    recipient: { id: APP_ID },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    text: 'help',
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (authorization !== undefined) headers.Authorization = authorization;
  const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity) });
  return { status: res.status, body: await res.text() };
}

describe('/api/messages with an app id: only correctly signed Bot Framework tokens get in', () => {
  it('accepts a token signed with the published key (the control: validation really runs)', async () => {
    const res = await post(`Bearer ${rs256(claims())}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('Commands');
  });

  const now = Math.floor(Date.now() / 1000);
  const cases: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['a token signed by another key under the published key id', () => `Bearer ${rs256(claims(), attacker.privateKey)}`],
    ['a token signed by another key under an unknown key id', () => `Bearer ${rs256(claims(), attacker.privateKey, 'attacker-key')}`],
    [
      'the published signature on altered claims',
      () => {
        const [head, , sig] = rs256(claims()).split('.');
        return `Bearer ${head}.${b64(claims({ aud: 'someone-else' }))}.${sig}`;
      },
    ],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'a token signed with the app password (HS256)',
      () => {
        const signed = `${b64({ alg: 'HS256', typ: 'JWT', kid: KID })}.${b64(claims())}`;
        return `Bearer ${signed}.${createHmac('sha256', PASSWORD).update(signed).digest('base64url')}`;
      },
    ],
    ['a correctly signed token for another bot (audience)', () => `Bearer ${rs256(claims({ aud: 'another-app-id' }))}`],
    ['a correctly signed token from another issuer', () => `Bearer ${rs256(claims({ iss: 'https://evil.example' }))}`],
    ['a correctly signed but expired token', () => `Bearer ${rs256(claims({ nbf: now - 7200, exp: now - 3600 }))}`],
    ['a correctly signed token for another service URL', () => `Bearer ${rs256(claims({ serviceurl: 'http://127.0.0.1:2/' }))}`],
    ['garbage', () => 'Bearer abc.def.ghi'],
    ['a non-Bearer scheme', () => `Basic ${Buffer.from(`${APP_ID}:${PASSWORD}`).toString('base64')}`],
  ];
  it.each(cases)('rejects %s with 401', async (_name, token) => {
    const res = await post(token());
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('Commands');
  });

  it('keeps serving correctly signed calls after all of those', async () => {
    expect((await post(`Bearer ${rs256(claims())}`)).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
