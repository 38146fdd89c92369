// The real server on a free port: health routes, /api/messages with expectReplies, a whole
// wrong-change session to the score card, 401 without a token when an app id is set, 400 on bad JSON.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { fakeEngine } from '../bot/testing/fake-engine.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';

let running: RunningBotServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(env: Record<string, string> = {}): Promise<RunningBotServer> {
  const config = loadConfig({ PORT: '0', PACING: 'false', ...env });
  running = await startServer(config, {
    logger: silentLogger,
    store: await openStorage({ dataDir: '', kind: 'memory' }),
    engine: fakeEngine(),
  });
  return running;
}

let seq = 0;
/** The score card, told from the briefing and the coach's cards by its overall score. */
function isScoreCard(a: { attachments?: { content?: unknown }[] }): boolean {
  return /"(?:总分|Overall): \d+"/.test(JSON.stringify(a.attachments?.[0]?.content ?? ''));
}

async function post(server: RunningBotServer, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const activity = {
    type: 'message',
    id: `a${++seq}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1/',
    conversation: { id: 'conv-1' },
    from: { id: 'trainee-1', name: 'Trainee' },
    recipient: { id: 'bot' },
    locale: 'en-US',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    ...body,
  };
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  const json = text
    ? (JSON.parse(text) as { activities?: { text?: string; attachments?: { contentType: string; content: { body: unknown[] } }[] }[] })
    : {};
  return { status: res.status, activities: json.activities ?? [] };
}

describe('HTTP server', () => {
  it('answers /healthz and /readyz', async () => {
    const server = await start();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, scenarios: 1 });
  });

  it('greets a new member with a scenario picker card', async () => {
    const server = await start();
    const { status, activities } = await post(server, { type: 'conversationUpdate', membersAdded: [{ id: 'trainee-1' }] });
    expect(status).toBe(200);
    const card = activities.find((a) => a.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(card)).toContain('wrong-change');
  });

  it('plays a whole wrong-change session to a score card with five dimensions', async () => {
    const server = await start();
    const started = await post(server, { text: 'start wrong-change' });
    expect(started.activities.map((a) => a.text).join('\n')).toContain('wrong change');
    await post(server, { text: 'I am sorry, let me count the change again.' });
    await post(server, { text: 'I understand, I will refund the difference right now.' });
    const last = await post(server, { text: 'Here is your money, sorry again.' });
    const cardActivity = last.activities.find(isScoreCard);
    expect(cardActivity).toBeDefined();
    const facts = JSON.stringify(cardActivity?.attachments?.[0]?.content);
    for (const name of ['letting the customer finish', 'Empathy', 'Plain words', 'No over-promising', 'Problem solving'])
      expect(facts).toContain(name);
    expect(cardActivity?.text).toBeUndefined();
    expect((cardActivity?.attachments?.[0]?.content as { fallbackText?: string }).fallbackText).toContain('Empathy');
  });

  for (const thread of ['false', 'true'])
    it(`plays the real wrong-change scenario over HTTP to a score card activity with the five dimension scores (ENGINE_THREAD=${thread})`, async () => {
      const config = loadConfig({ PORT: '0', PACING: 'false', ENGINE_THREAD: thread });
      expect(config.engineThread).toBe(thread === 'true');
      running = await startServer(config, { logger: silentLogger, store: await openStorage({ dataDir: '', kind: 'memory' }) });
      const server = running;
      const body = { locale: 'zh-CN', conversation: { id: 'conv-real' } };
      expect((await post(server, { ...body, text: '开始 wrong-change' })).activities.length).toBeGreaterThan(1);
      await post(server, { ...body, text: '非常抱歉给您添麻烦了，我马上帮您核对零钱。' });
      let card = (await post(server, { ...body, text: '我现在就把少找的钱补给您。' })).activities.find(isScoreCard);
      card ??= (await post(server, { ...body, text: '结束' })).activities.find(isScoreCard);
      const content = JSON.stringify(card?.attachments?.[0]?.content);
      for (const name of ['不打断顾客', '同理心', '术语', '不过度承诺', '解决问题']) expect(content).toContain(name);
      expect(content).toMatch(/总分/);
    });

  it('with pacing on (the default) and expectReplies, plays the wrong-change good path to a resolved end without false interruptions', async () => {
    // The pauses are skipped for expectReplies, so a reply sent right after the answer must not cut the customer off.
    const config = loadConfig({ PORT: '0', PACING: 'true' });
    expect(config.pacing.enabled).toBe(true);
    running = await startServer(config, { logger: silentLogger, store: await openStorage({ dataDir: '', kind: 'memory' }) });
    const server = running;
    const body = { locale: 'zh-CN', conversation: { id: 'conv-paced' } };
    await post(server, { ...body, text: '开始 wrong-change' });
    const answers: string[] = [];
    let card: { text?: string; attachments?: { content: unknown }[] } | undefined;
    for (const reply of [
      '您好，您先别着急，慢慢说，我在听。',
      '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。',
      '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。',
      '不客气，今天给您添麻烦了，您还有别的需要随时找我，慢走。',
    ]) {
      const { activities } = await post(server, { ...body, text: reply });
      answers.push(...activities.map((a) => a.text ?? ''));
      card ??= activities.find((a) => a.attachments?.length);
    }
    expect(answers.join('\n')).not.toContain('你打断了顾客');
    expect(card, answers.join('\n')).toBeDefined();
    const sessions = await server.app.store.records.listSessions?.({});
    expect(sessions?.[0]?.outcome).toBe('resolved');
  });

  it('answers unknown scenarios, empty text, forged submits and long messages clearly', async () => {
    const server = await start();
    expect((await post(server, { text: 'start nope' })).activities[0]?.text).toContain('nope');
    expect((await post(server, { text: '   ' })).activities[0]?.text).toMatch(/type a reply/);
    expect((await post(server, { text: '', value: { action: 'start', scenarioId: '../../etc' } })).activities[0]?.text).toMatch(/invalid/);
    await post(server, { text: 'start wrong-change' });
    const long = await post(server, { text: 'sorry '.repeat(4000) });
    expect(long.activities.map((a) => a.text).join('\n')).toMatch(/first 2000 characters/);
    expect((await post(server, { text: 'what?!' })).status).toBe(200);
  });

  it('delivers replies to the channel service (normal delivery) and answers non-text activities', async () => {
    const captured: { path: string; body: { text?: string; type?: string } }[] = [];
    const connector: Server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => {
        captured.push({ path: req.url ?? '', body: JSON.parse(data || '{}') as { text?: string } });
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: `r${captured.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    try {
      const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
      const server = await start();
      const res = await post(server, { text: 'help', serviceUrl, deliveryMode: undefined, conversation: { id: 'conv-normal' } });
      expect(res.status).toBe(200);
      await post(server, {
        text: '',
        serviceUrl,
        deliveryMode: undefined,
        conversation: { id: 'conv-normal' },
        attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }],
      });
      expect(captured.every((c) => c.path.startsWith('/v3/conversations/conv-normal/activities'))).toBe(true);
      const texts = captured.map((c) => c.body.text ?? '').join('\n');
      expect(texts).toContain('Commands');
      expect(texts).toContain('Only text messages');
    } finally {
      await new Promise<void>((resolve) => connector.close(() => resolve()));
    }
  });

  it('rejects a malformed JSON body with 400 and stays up', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type": "mess',
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('rejects a request without a token when an app id is set (401)', async () => {
    const server = await start({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
    const { status } = await post(server, { text: 'help' });
    expect(status).toBe(401);
  });

  it('refuses to listen beyond loopback without an app id unless opted in', async () => {
    await expect(startServer(loadConfig({ PORT: '0', HOST: '0.0.0.0' }), { logger: silentLogger, engine: null })).rejects.toThrow(
      /ALLOW_PUBLIC/,
    );
  });
});
