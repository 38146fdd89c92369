// Microsoft's own Direct Line client (botframework-directlinejs, as Web Chat uses it) against
// our endpoint, over polling and over the WebSocket stream.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type * as DirectLineJs from 'botframework-directlinejs';
import type { DirectLine as DirectLineType, Activity, Message } from 'botframework-directlinejs';
import { startEchoServer, type RunningServer } from '../bot/web/testing/echo-server.ts';

const require = createRequire(import.meta.url);
// The client expects browser globals: XMLHttpRequest for its ajax calls, WebSocket for the stream.
const g = globalThis as Record<string, unknown>;
g.XMLHttpRequest ??= require('xhr2');
g.WebSocket ??= WebSocket;
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs') as typeof DirectLineJs;

let srv: RunningServer;
beforeAll(async () => {
  srv = await startEchoServer();
});
afterAll(async () => {
  await srv.close();
});

async function tokenFor(name: string): Promise<{ token: string; conversationId: string; userId: string }> {
  const res = await fetch(`${srv.url}/api/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, locale: 'en' }),
  });
  return (await res.json()) as { token: string; conversationId: string; userId: string };
}

function collect(dl: DirectLineType): { messages: Message[]; all: Activity[]; errors: unknown[] } {
  const seen = { messages: [] as Message[], all: [] as Activity[], errors: [] as unknown[] };
  dl.activity$.subscribe({
    next: (a) => {
      seen.all.push(a);
      if (a.type === 'message') seen.messages.push(a);
    },
    // end() completes the stream with a "conversation ended" error: expected here.
    error: (error: unknown) => seen.errors.push(error),
  });
  return seen;
}

function post(dl: DirectLineType, activity: Partial<Message>): Promise<string> {
  return new Promise((resolve, reject) => {
    dl.postActivity({ type: 'message', ...activity } as Message).subscribe({ next: resolve, error: reject });
  });
}

const texts = (list: Message[]) => list.map((m) => m.text);

describe.each([
  { mode: 'polling', webSocket: false },
  { mode: 'WebSocket', webSocket: true },
])('botframework-directlinejs over $mode', ({ mode, webSocket }) => {
  it('starts a conversation, posts, receives the bot lines and reconnects from a watermark', async () => {
    const user = `proto-${mode}`;
    const { token, conversationId, userId } = await tokenFor(user);
    const dl = new DirectLine({ token, domain: `${srv.url}/v3/directline`, webSocket, pollingInterval: 200, timeout: 5000 });
    const seen = collect(dl);
    await expect.poll(() => texts(seen.messages), { timeout: 5000 }).toEqual([`hello ${user}`]);
    expect(dl.connectionStatus$.getValue()).toBe(ConnectionStatus.Online);

    const id = await post(dl, { from: { id: user }, text: 'first', channelData: { clientActivityID: 'client-1' } });
    expect(id).toMatch(conversationId);
    await expect
      .poll(() => texts(seen.messages), { timeout: 5000 })
      .toEqual([`hello ${user}`, 'first', 'echo: first', `locale: en from: ${userId}`]);
    // Web Chat matches its own message by this id; without it the message shows as failed.
    expect(seen.messages[1]?.channelData).toMatchObject({ clientActivityID: 'client-1' });
    const watermark = (dl as unknown as { watermark: string }).watermark;
    dl.end();

    // Later: reconnect to the same conversation from the watermark; only new lines arrive.
    const again = new DirectLine({
      token,
      conversationId,
      watermark,
      domain: `${srv.url}/v3/directline`,
      webSocket,
      pollingInterval: 200,
      timeout: 5000,
    });
    const later = collect(again);
    await post(again, { from: { id: user }, text: 'second' });
    await expect.poll(() => texts(later.messages), { timeout: 5000 }).toEqual(['second', 'echo: second', `locale: en from: ${userId}`]);
    again.end();
  });
});
