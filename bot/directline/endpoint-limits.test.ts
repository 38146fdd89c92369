// The Direct Line endpoint's limits and identity rules, against the echo bot in this process.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { prng } from '../../test/support/hostile-inputs.ts';
import { startEchoServer, type RunningServer } from '../web/testing/echo-server.ts';
import { displayName } from './display-name.ts';
import { TokenIssuer, newWebUserId } from './tokens.ts';

const servers: RunningServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(overrides: Parameters<typeof startEchoServer>[0] = {}): Promise<RunningServer> {
  const srv = await startEchoServer(overrides);
  servers.push(srv);
  return srv;
}

async function tokenFor(srv: RunningServer, body: Record<string, unknown> = {}) {
  const res = await fetch(`${srv.url}/api/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: res.status === 200 ? ((await res.json()) as Record<string, string>) : undefined,
  };
}

async function conversation(srv: RunningServer, body: Record<string, unknown> = {}) {
  const info = (await tokenFor(srv, body)).body!;
  const res = await fetch(`${srv.url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${info.token}` } });
  expect(res.status).toBe(201);
  await srv.webChat.endpoint?.idle();
  const url = `${srv.url}/v3/directline/conversations/${info.conversationId}/activities`;
  const auth = { Authorization: `Bearer ${info.token}`, 'Content-Type': 'application/json' };
  return {
    info,
    post: (activity: Record<string, unknown>) => fetch(url, { method: 'POST', headers: auth, body: JSON.stringify(activity) }),
    activities: async () => ((await (await fetch(url, { headers: auth })).json()) as { activities: Record<string, any>[] }).activities, // eslint-disable-line @typescript-eslint/no-explicit-any -- activities as the wire has them
  };
}

describe('identity comes from the token only', () => {
  it('uses the name given at the token route, cleaned, whatever from.name a post claims', async () => {
    const srv = await start();
    const c = await conversation(srv, { name: `\t <b>Alice</b>\u202e\u0000 ${'x'.repeat(5000)}` });
    expect((await c.post({ type: 'message', text: 'hi', from: { id: 'admin', name: 'Trainer Boss' } })).status).toBe(200);
    await srv.webChat.endpoint?.idle();
    const mine = (await c.activities()).filter((a) => a.from?.role === 'user');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.from.id).toBe(c.info.userId);
    expect(mine[0]!.from.name).toBe(displayName(`<b>Alice</b> ${'x'.repeat(5000)}`));
    expect(mine[0]!.from.name.length).toBeLessThanOrEqual(40);
    expect(mine[0]!.from.name.startsWith('<b>Alice</b>')).toBe(true);
  });

  it('cleans display names: control and format characters out, spaces collapsed, length capped', () => {
    expect(displayName('\t  小王\r\n ')).toBe('小王');
    expect(displayName('a\u200b\u202eb\u2028c')).toBe('abc');
    expect(displayName('a    b')).toBe('a b');
    expect(Array.from(displayName('😀'.repeat(100)))).toHaveLength(40);
    expect(displayName(42)).toBe('');
  });

  it('lets web identities expire', () => {
    let now = 1_000_000_000_000;
    const issuer = new TokenIssuer(Buffer.from('s'), 1800, () => now, 3600);
    const id = newWebUserId();
    const identity = issuer.issueIdentity(id);
    expect(issuer.checkIdentity(identity)).toBe(id);
    now += 3_601_000;
    expect(issuer.checkIdentity(identity)).toBeUndefined();
  });

  it('takes the signing secret from DIRECTLINE_SECRET: tokens of one server work on another with the same secret', async () => {
    const secret = 'shared-secret-shared-secret-shared-secret';
    const a = await start({ directLineSecret: secret });
    const b = await start({ directLineSecret: secret });
    const c = await start({ directLineSecret: `${secret}-other` });
    const { token } = (await tokenFor(a)).body!;
    const refresh = (srv: RunningServer) =>
      fetch(`${srv.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect((await refresh(b)).status).toBe(200);
    expect((await refresh(c)).status).toBe(401);
  });
});

describe('Direct Line limits', () => {
  it('limits one trainee’s posts, and keeps the others’ open', async () => {
    const srv = await start({ directLinePostsPerMinute: 6 });
    const flooder = await conversation(srv);
    const other = await conversation(srv);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await flooder.post({ type: 'message', text: `m${i}` })).status);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(11);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(19);
    const limited = await flooder.post({ type: 'message', text: 'again' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await other.post({ type: 'message', text: 'me too' })).status).toBe(200);
    await srv.webChat.endpoint?.idle();
  });

  it('limits new conversations per address, while resuming one stays allowed', async () => {
    const srv = await start({ directLineNewConversationsPerMinute: 5 });
    const first = (await tokenFor(srv)).body!;
    await fetch(`${srv.url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${first.token}` } });
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await tokenFor(srv));
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(5);
    const refused = results.find((r) => r.status === 429);
    expect(refused?.retryAfter).toBeTruthy();
    const resumed = await tokenFor(srv, { identity: first.identity, conversationId: first.conversationId });
    expect(resumed.status).toBe(200);
    expect(resumed.body?.resumed).toBe(true);
  });

  it('keeps only what a client may set on a posted activity', async () => {
    const srv = await start();
    const c = await conversation(srv);
    await c.post({
      type: 'message',
      text: 'hi',
      locale: 'en-US',
      serviceUrl: 'http://169.254.169.254/',
      channelId: 'msteams',
      conversation: { id: 'someone-elses' },
      recipient: { id: 'x' },
      membersAdded: [{ id: 'x' }],
      channelData: { clientActivityID: 'c-1' },
    });
    await srv.webChat.endpoint?.idle();
    const [mine] = (await c.activities()).filter((a) => a.from?.role === 'user');
    expect(mine).toMatchObject({
      channelId: 'directline',
      conversation: { id: c.info.conversationId },
      channelData: { clientActivityID: 'c-1' },
    });
    expect(mine!.serviceUrl).not.toContain('169.254');
    expect(mine!.membersAdded).toBeUndefined();
  });
});

describe('odd activities posted with a valid token', () => {
  it('answers 200, 400, 413 or 415 to 400 random bodies and encodings, never 500, and keeps chatting', async () => {
    const srv = await start({ directLinePostsPerMinute: 100_000 });
    const c = await conversation(srv);
    const rnd = prng(17);
    const values: unknown[] = [
      null,
      true,
      0,
      -1,
      1e308,
      '',
      '字'.repeat(3000),
      [],
      {},
      [[[[]]]],
      { a: { b: { c: {} } } },
      '\u0000\ud800',
      'x'.repeat(70_000),
    ];
    const pick = () => values[Math.floor(rnd() * values.length)];
    const fields = [
      'type',
      'text',
      'value',
      'attachments',
      'channelData',
      'entities',
      'locale',
      'from',
      'conversation',
      'replyToId',
      'name',
      'localTimestamp',
      'suggestedActions',
    ];
    const url = `${srv.url}/v3/directline/conversations/${c.info.conversationId}/activities`;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 400; i++) {
      const activity: Record<string, unknown> = { type: rnd() < 0.7 ? 'message' : pick() };
      for (const f of fields) if (rnd() < 0.3) activity[f] = pick();
      let body: Buffer = Buffer.from(rnd() < 0.1 ? JSON.stringify(activity).slice(0, Math.floor(rnd() * 40)) : JSON.stringify(activity));
      const headers: Record<string, string> = { Authorization: `Bearer ${c.info.token}`, 'Content-Type': 'application/json' };
      if (rnd() < 0.2) {
        headers['Content-Encoding'] = rnd() < 0.5 ? 'gzip' : 'zstd';
        if (rnd() < 0.5) body = gzipSync(body);
      }
      const res = await fetch(url, { method: 'POST', headers, body: new Uint8Array(body) });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    await srv.webChat.endpoint?.idle();
    expect(
      [...statuses.keys()].every((s) => [200, 400, 413, 415, 429].includes(s)),
      JSON.stringify([...statuses]),
    ).toBe(true);
    console.log(`[dl-bodies] ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(50);
    expect((await c.post({ type: 'message', text: 'still here' })).status).toBe(200);
    await srv.webChat.endpoint?.idle();
    expect((await c.activities()).some((a) => a.text === 'echo: still here')).toBe(true);
  });
});
