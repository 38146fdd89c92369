// Bad input over the wire, against the real server process on each real store (SQLite, and
// PostgreSQL in a cluster of the test's own): odd texts, odd activity types, conversationUpdate
// storms, duplicate deliveries, oversized and malformed bodies on /api/messages and Direct Line.
// Every case gets a clear answer or status, the process stays up, and the scenario that runs
// through all of it ends with every reply recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../bot/storage/index.ts';
import { PG_CLUSTER_SKIP, PgCluster } from './support/pg-cluster.ts';
import { spawnServer, trainee, type ServerProcess } from './support/server-process.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const NO_SESSION = '当前没有进行中的练习';
const RETRY = '请再发一次';
/** Replies that are odd but are replies: each must be scored and recorded as a turn. */
const ODD_REPLIES = [
  '😀😀😀🙏',
  '您好 sorry 我理解 ごめんなさい 죄송합니다 Привет مرحبا',
  '您好\u0000，我在听\u0007\u001b[31m\u200b\u202e反转',
  '\ud800您好\udfff我理解\udc00',
  '您'.repeat(20_000),
  '/frobnicate --now',
];

async function raw(url: string, path: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  await res.arrayBuffer();
  return res.status;
}

function activity(conversation: string, extra: Record<string, unknown>): string {
  return JSON.stringify({
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1/',
    conversation: { id: conversation },
    from: { id: `trainee-${conversation}` },
    recipient: { id: 'bot' },
    locale: 'zh-CN',
    deliveryMode: 'expectReplies',
    ...extra,
  });
}

async function playThroughBadInput(server: ServerProcess, databaseUrl: string | undefined, dataDir: string): Promise<{ cases: number }> {
  const url = server.url;
  const conversation = `conv-wire-${Date.now()}`;
  const t = trainee(url, conversation);
  let cases = 0;
  const check = (ok: boolean, label: string) => {
    cases++;
    expect(ok, `${label}\n${server.output()}`).toBe(true);
  };

  // Before any session: an unknown scenario id is named in the answer. (In a running session a
  // 'start' that names no scenario is a reply to the customer.)
  const unknown = await t.say('开始 no-such-scenario');
  check(unknown.status === 200 && unknown.text.includes('no-such-scenario'), 'unknown scenario');
  check((await t.say('开始 wrong-change')).status === 200, 'start');

  // Texts that are not replies: a clear message, and no turn. (An unknown '/command' in a running
  // session is a reply to the customer like any other text, so it is one of the odd replies.)
  for (const [text, expected] of [
    ['', '请输入文字'],
    ['   \n\t ', '请输入文字'],
  ] as const) {
    const answer = await t.say(text);
    check(
      answer.status === 200 && answer.activities.length > 0 && answer.text.includes(expected) && !answer.text.includes(RETRY),
      `text ${JSON.stringify(text)}`,
    );
  }

  // Odd replies: scored, answered, recorded (the store keeps them, with U+FFFD for what it cannot hold).
  for (const text of ODD_REPLIES) {
    const answer = await t.say(text);
    check(
      answer.status === 200 && answer.activities.length > 0 && !answer.text.includes(RETRY) && !answer.text.includes(NO_SESSION),
      `reply ${JSON.stringify(text.slice(0, 30))}: ${answer.text.slice(0, 200)}`,
    );
  }

  // Attachments, images, files, card submits with forged or missing fields: clear answers, no turn.
  const attachment = await raw(
    url,
    '/api/messages',
    activity(conversation, {
      id: 'att-1',
      text: '',
      attachments: [
        { contentType: 'image/png', contentUrl: 'http://127.0.0.1:1/x.png' },
        { contentType: 'application/pdf', name: 'a.pdf' },
      ],
    }),
  );
  check(attachment === 200, 'attachments');
  for (const [i, value] of [
    { action: 'start', scenarioId: '../../etc/passwd' },
    { action: 'dispute' },
    { action: 'mode', mode: 'root' },
    { nope: true },
    [1, 2],
    'start',
  ].entries()) {
    check(
      (await raw(url, '/api/messages', activity(conversation, { id: `submit-${i}`, text: '', value }))) === 200,
      `card submit ${JSON.stringify(value)}`,
    );
  }

  // Activities of other types, and a conversationUpdate storm into a running session.
  for (const [i, extra] of [
    { type: 'typing' },
    { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'x', data: { forged: true } } } },
    { type: 'invoke', name: 'no/such/invoke', value: {} },
    { type: 'event', name: 'webchat/join', value: { x: 1 } },
    { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
    { type: 'endOfConversation' },
    { type: 'installationUpdate', action: 'add' },
    { type: 'not-a-type' },
  ].entries()) {
    check(
      (await raw(url, '/api/messages', activity(conversation, { id: `type-${i}`, ...extra }))) === 200,
      `activity ${JSON.stringify(extra)}`,
    );
  }
  const storm = await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      raw(
        url,
        '/api/messages',
        activity(i % 3 === 0 ? conversation : `${conversation}-other-${i % 7}`, {
          id: `cu-${i}`,
          type: 'conversationUpdate',
          ...(i % 2 ? { membersAdded: [{ id: 'bot' }, { id: `member-${i}` }] } : { membersRemoved: [{ id: `member-${i}` }] }),
        }),
      ),
    ),
  );
  cases += storm.length;
  expect(storm.filter((s) => s !== 200)).toEqual([]);

  // The same activity delivered twice at once (a channel retry): one turn.
  const dupBody = activity(conversation, { id: 'dup-1', text: '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。' });
  const [d1, d2] = await Promise.all([raw(url, '/api/messages', dupBody), raw(url, '/api/messages', dupBody)]);
  check(d1 === 200 && d2 === 200, 'duplicate delivery');

  // Bodies: malformed, wrong shape, missing type, 1,000,000 characters.
  const million = 'x'.repeat(1_000_000);
  for (const [label, body, status] of [
    ['malformed JSON', '{"type": "mess', 400],
    ['array body', '[1,2]', 400],
    ['null body', 'null', 400],
    ['no type', activity(conversation, { id: 'nt', type: undefined, text: 'x' }), 400],
    ['1,000,000-character text', activity(conversation, { id: 'big', text: million }), 413],
    ['1,000,000 Chinese characters', activity(conversation, { id: 'big-zh', text: '您'.repeat(1_000_000) }), 413],
  ] as const) {
    const got = await raw(url, '/api/messages', body);
    check(got === status, `${label}: ${got}`);
  }

  // Direct Line: the same limits, and tokens.
  const tokenRes = await fetch(`${url}/api/webchat/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  check(tokenRes.status === 200, 'direct line token');
  const dl = (await tokenRes.json()) as { token: string; conversationId: string };
  const auth = { Authorization: `Bearer ${dl.token}` };
  check((await raw(url, '/v3/directline/conversations', '', auth)) === 201, 'direct line start');
  const path = `/v3/directline/conversations/${dl.conversationId}/activities`;
  for (const [label, body, headers, status] of [
    ['DL 1,000,000-character message', JSON.stringify({ type: 'message', from: { id: 'x' }, text: million }), auth, 413],
    ['DL malformed JSON', '{"type":', auth, 400],
    ['DL no token', JSON.stringify({ type: 'message', text: 'hi' }), {}, 401],
    ['DL forged token', JSON.stringify({ type: 'message', text: 'hi' }), { Authorization: `Bearer ${dl.token.slice(0, -3)}abc` }, 401],
    ['DL other conversation', JSON.stringify({ type: 'message', text: 'hi' }), auth, 403],
  ] as const) {
    const target = label === 'DL other conversation' ? '/v3/directline/conversations/not-yours/activities' : path;
    const got = await raw(url, target, body, headers);
    check(got === status || (label === 'DL other conversation' && got === 404), `${label}: ${got}`);
  }

  // After all that, the session goes on to its end.
  const last = await t.say('王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。');
  check(last.status === 200 && !last.text.includes(RETRY), 'after');
  const end = await t.say('结束');
  check(end.status === 200 && end.activities.some((a) => (a.attachments?.length ?? 0) > 0), 'score card');
  check((await fetch(`${url}/healthz`)).status === 200, 'healthz');
  check(server.proc.exitCode === null, 'still running');
  await server.stop();

  const store = await openStorage({ dataDir, databaseUrl });
  try {
    const sessions = ((await store.records.listSessions?.()) ?? []).filter((s) => s.conversationId === conversation);
    expect(sessions).toHaveLength(1);
    const turns = (await store.records.sessionTurns?.(sessions[0]!.sessionId)) ?? [];
    // Every odd reply, the duplicate once, the last reply: nothing lost, nothing twice.
    expect(turns.map((turn) => turn.turn)).toEqual(Array.from({ length: ODD_REPLIES.length + 2 }, (_, i) => i + 1));
    expect(turns.filter((turn) => turn.reply.startsWith('我理解您着急'))).toHaveLength(1);
    expect(turns[0]!.reply).toBe(ODD_REPLIES[0]);
    expect(turns[1]!.reply).toBe(ODD_REPLIES[1]);
    expect(turns[2]!.reply.replaceAll('\u0000', '\uFFFD')).toBe(ODD_REPLIES[2]!.replaceAll('\u0000', '\uFFFD'));
    expect(turns[4]!.reply.length).toBeLessThanOrEqual(2000);
  } finally {
    await store.close();
  }
  return { cases };
}

describe('bad input over the wire, real server process', () => {
  it('on SQLite: clear answers and statuses, no crash, no turn lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'roleplay-wire-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await spawnServer({ DATA_DIR: dataDir });
    cleanups.push(() => server.stop());
    const { cases } = await playThroughBadInput(server, undefined, dataDir);
    console.log(`[wire] SQLite: ${cases} cases, 0 crashes, 0 lost turns`);
  }, 180_000);

  it.skipIf(!!PG_CLUSTER_SKIP)(
    `on PostgreSQL: clear answers and statuses, no crash, no turn lost${PG_CLUSTER_SKIP ? ` (${PG_CLUSTER_SKIP})` : ''}`,
    async () => {
      const cluster = await PgCluster.create();
      cleanups.push(() => cluster.destroy());
      const dataDir = mkdtempSync(join(tmpdir(), 'roleplay-wire-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const server = await spawnServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir });
      cleanups.push(() => server.stop());
      const { cases } = await playThroughBadInput(server, cluster.url, dataDir);
      console.log(`[wire] PostgreSQL: ${cases} cases, 0 crashes, 0 lost turns`);
    },
    180_000,
  );
});
