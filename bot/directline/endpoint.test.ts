import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startEchoServer, type RunningServer } from '../web/testing/echo-server.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await startEchoServer();
});
afterAll(async () => {
  await srv.close();
});

interface TokenInfo {
  conversationId: string;
  userId: string;
  identity: string;
  token: string;
  expires_in: number;
  resumed: boolean;
}

async function token(body: Record<string, unknown> = {}): Promise<TokenInfo> {
  const res = await fetch(`${srv.url}/api/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as TokenInfo;
}

function call(path: string, tok: string | undefined, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (tok) headers.Authorization = `Bearer ${tok}`;
  return fetch(`${srv.url}/v3/directline${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
}

async function started(body: Record<string, unknown> = {}): Promise<TokenInfo & { streamUrl: string }> {
  const info = await token(body);
  const res = await call('/conversations', info.token, { method: 'POST' });
  expect(res.status).toBe(201);
  const conv = (await res.json()) as { conversationId: string; streamUrl: string };
  expect(conv.conversationId).toBe(info.conversationId);
  await srv.webChat.endpoint?.idle();
  return { ...info, streamUrl: conv.streamUrl };
}

async function activities(info: TokenInfo, watermark?: string) {
  const res = await call(`/conversations/${info.conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`, info.token);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    activities: Array<
      Record<string, unknown> & { text?: string; from: { id: string; role?: string }; channelData?: { clientActivityID?: string } }
    >;
    watermark: string;
  };
}

describe('Direct Line endpoint', () => {
  it('starts a conversation that greets the trainee by the name given to the token route', async () => {
    const info = await started({ name: 'Alice', locale: 'en' });
    expect(info.userId).toMatch(/^web:/);
    const page = await activities(info);
    expect(page.activities.map((a) => a.text)).toEqual(['hello Alice']);
    expect(page.activities[0]?.from.role).toBe('bot');
  });

  it('echoes the posted activity with its clientActivityID, answers the POST at once and delivers the reply by polling', async () => {
    const info = await started({ name: 'Bob', locale: 'zh-CN' });
    const first = await activities(info);
    const res = await call(`/conversations/${info.conversationId}/activities`, info.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: '您好', from: { id: 'someone-else' }, channelData: { clientActivityID: 'c-1' } }),
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toBeTruthy();
    await srv.webChat.endpoint?.idle();
    const page = await activities(info, first.watermark);
    expect(page.activities[0]).toMatchObject({
      id,
      text: '您好',
      from: { id: info.userId, role: 'user' },
      channelData: { clientActivityID: 'c-1' },
    });
    // Identity and locale come from the token, not from what the client claims.
    expect(page.activities.map((a) => a.text)).toEqual(['您好', 'echo: 您好', `locale: zh-CN from: ${info.userId}`]);
    // Typing is live-only: it is not kept in the history.
    expect(page.activities.some((a) => a.type === 'typing')).toBe(false);
    const later = await activities(info, page.watermark);
    expect(later.activities).toEqual([]);
    expect(later.watermark).toBe(page.watermark);
  });

  it('refuses missing, forged and foreign tokens, and unknown conversations', async () => {
    const a = await started({});
    const b = await started({});
    expect((await call(`/conversations/${a.conversationId}/activities`, undefined)).status).toBe(401);
    expect((await call(`/conversations/${a.conversationId}/activities`, a.token.slice(0, -2) + 'xx')).status).toBe(401);
    expect((await call(`/conversations/${a.conversationId}/activities`, 'not-a-token')).status).toBe(401);
    expect((await call(`/conversations/${a.conversationId}/activities`, b.token)).status).toBe(403);
    expect(
      (await call(`/conversations/${a.conversationId}/activities`, b.token, { method: 'POST', body: '{"type":"message","text":"x"}' }))
        .status,
    ).toBe(403);
    const unstarted = await token({});
    expect((await call(`/conversations/${unstarted.conversationId}/activities`, unstarted.token)).status).toBe(404);
    expect((await call('/conversations', undefined, { method: 'POST' })).status).toBe(401);
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const info = await started({});
    const path = `/conversations/${info.conversationId}/activities`;
    expect((await call(path, info.token, { method: 'POST', body: '{"type":' })).status).toBe(400);
    expect((await call(path, info.token, { method: 'POST', body: '[1,2]' })).status).toBe(400);
    expect((await call(path, info.token, { method: 'POST', body: '{"text":"no type"}' })).status).toBe(400);
    const huge = JSON.stringify({ type: 'message', text: 'x'.repeat(200_000) });
    expect((await call(path, info.token, { method: 'POST', body: huge })).status).toBe(413);
    const tokenRoute = await fetch(`${srv.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: 'nope',
    });
    expect(tokenRoute.status).toBe(400);
  });

  it('refreshes tokens and reconnects to the same conversation with a new stream URL', async () => {
    const info = await started({});
    const refreshed = await call('/tokens/refresh', info.token, { method: 'POST' });
    expect(refreshed.status).toBe(200);
    const { token: newToken, conversationId } = (await refreshed.json()) as { token: string; conversationId: string };
    expect(conversationId).toBe(info.conversationId);
    const again = await call(`/conversations/${info.conversationId}?watermark=1`, newToken);
    expect(again.status).toBe(200);
    const body = (await again.json()) as { streamUrl: string; conversationId: string };
    expect(body.streamUrl).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${info.conversationId}/stream\\?t=.+&watermark=1$`),
    );
  });

  it('resumes a conversation after a page reload only for the trainee who owns it', async () => {
    const info = await started({ name: 'Hana' });
    const mine = await token({ identity: info.identity, conversationId: info.conversationId });
    expect(mine).toMatchObject({ conversationId: info.conversationId, userId: info.userId, resumed: true });
    expect((await activities(mine)).activities.map((a) => a.text)).toEqual(['hello Hana']);
    const restarted = await call('/conversations', mine.token, { method: 'POST' });
    expect(restarted.status).toBe(200);
    await srv.webChat.endpoint?.idle();
    expect((await activities(mine)).activities).toHaveLength(1);
    const other = await token({ conversationId: info.conversationId });
    expect(other.resumed).toBe(false);
    expect(other.conversationId).not.toBe(info.conversationId);
    // Claiming Hana's id, or forging an identity for it, gets a new trainee, not her chat.
    const claimed = await token({ userId: info.userId, conversationId: info.conversationId });
    expect(claimed).toMatchObject({ resumed: false });
    expect(claimed.userId).not.toBe(info.userId);
    const forged = `wid2.${info.identity.split('.')[1]}.${info.identity.split('.')[2]?.slice(0, -2)}xx`;
    const forgedToken = await token({ identity: forged, conversationId: info.conversationId });
    expect(forgedToken.resumed).toBe(false);
    expect(forgedToken.userId).not.toBe(info.userId);
  });

  it("never lets a page choose its user id, so it cannot read a Teams user's records", async () => {
    const teamsId = '29:1a2b3c-teams-user';
    const info = await token({ userId: teamsId, name: 'Mallory' });
    expect(info.userId).not.toBe(teamsId);
    expect(info.userId).toMatch(/^web:[A-Za-z0-9_-]{16,}$/);
    // A signed identity of another server (or a made-up one) is not accepted either.
    expect(
      (await token({ identity: `wid2.${Buffer.from(JSON.stringify({ u: teamsId, exp: 9e9 })).toString('base64url')}.abc` })).userId,
    ).not.toBe(teamsId);
  });

  it('streams history and live activities over the WebSocket and refuses foreign tokens there', async () => {
    const info = await started({ name: 'Jun' });
    const ws = new WebSocket(info.streamUrl);
    const received: Array<{ activities: Array<{ type: string; text?: string }>; watermark?: string }> = [];
    ws.on('message', (data) => {
      const text = String(data);
      if (text) received.push(JSON.parse(text));
    });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await call(`/conversations/${info.conversationId}/activities`, info.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'hi' }),
    });
    await srv.webChat.endpoint?.idle();
    await expect
      .poll(() =>
        received
          .flatMap((g) => g.activities)
          .filter((a) => a.type === 'message')
          .map((a) => a.text),
      )
      .toEqual(['hello Jun', 'hi', 'echo: hi', `locale: zh-CN from: ${info.userId}`]);
    expect(received.flatMap((g) => g.activities).some((a) => a.type === 'typing')).toBe(true);
    ws.close();

    const other = await started({});
    const foreign = new WebSocket(info.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(other.token)}`));
    const status = await new Promise<number>((resolve) => foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('lets a reply in while the bot pauses between paced parts, so it can be handled as an interruption', async () => {
    const info = await started({});
    const path = `/conversations/${info.conversationId}/activities`;
    await call(path, info.token, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'slow' }) });
    await expect.poll(async () => (await activities(info)).activities.map((a) => a.text)).toContain('part 1');
    await call(path, info.token, { method: 'POST', body: JSON.stringify({ type: 'message', text: 'quick' }) });
    await srv.webChat.endpoint?.idle();
    const texts = (await activities(info)).activities.map((a) => a.text).slice(1);
    expect(texts).toEqual(['slow', 'part 1', 'quick', 'echo: quick', `locale: zh-CN from: ${info.userId}`, 'part 2']);
  });

  it('hands a failing turn to the error handler and keeps the conversation usable', async () => {
    const info = await started({});
    const before = srv.turnErrors.length;
    await call(`/conversations/${info.conversationId}/activities`, info.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'boom' }),
    });
    await srv.webChat.endpoint?.idle();
    expect(srv.turnErrors.length).toBe(before + 1);
    await call(`/conversations/${info.conversationId}/activities`, info.token, {
      method: 'POST',
      body: JSON.stringify({ type: 'message', text: 'ok' }),
    });
    await srv.webChat.endpoint?.idle();
    const texts = (await activities(info)).activities.map((a) => a.text);
    expect(texts).toContain('Sorry, something went wrong.');
    expect(texts).toContain('echo: ok');
  });
});
