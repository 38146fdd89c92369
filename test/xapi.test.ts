// Learning records: every finished session as an xAPI 1.0.3 statement, from
// `roleplay report --format xapi`, and sent to a learning record store after each session,
// retried with back-off while the store is down, and kept in the outbox across a restart.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import report from '../cli/commands/report.ts';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage, type StorageHandle } from '../bot/storage/index.ts';
import { tempDataDir } from '../bot/storage/testing/backends.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';
import { COHORT, seedCohort } from '../bot/trainer/testing/cohort.ts';
import { withLearningRecords, XapiSender } from '../bot/records/xapi-sender.ts';
import { sessionStatement, type XapiStatement } from '../bot/records/xapi-statement.ts';
import { startLrs, statementProblems, type TestLrs } from './support/lrs.ts';
import { trainee } from './support/server-process.ts';

const BASE = 'https://lms.example.com/roleplay';
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

async function xapiReport(dataDir: string, extra: string[] = []): Promise<XapiStatement[]> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += c));
  const code = await report.run(['--format', 'xapi', '--data-dir', dataDir, ...extra], {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    cwd: process.cwd(),
    env: { XAPI_ACTIVITY_BASE: BASE },
  });
  expect(code).toBe(0);
  return JSON.parse(out) as XapiStatement[];
}

async function seededStore(): Promise<{ dataDir: string }> {
  const dataDir = tempDataDir();
  const store = await openStorage({ dataDir });
  await seedCohort(store.records);
  await store.close();
  return { dataDir };
}

const noop = () => undefined;
const quiet = { info: noop, warn: noop, error: noop, debug: noop };

describe('roleplay report --format xapi', () => {
  it('gives one statement per finished session, each keeping the xAPI 1.0.3 rules', async () => {
    const { dataDir } = await seededStore();
    const statements = await xapiReport(dataDir);
    expect(statements).toHaveLength(COHORT.ends.length);
    for (const s of statements) expect(statementProblems(s), s.id).toEqual([]);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
  });

  it('says who did which scenario, how it ended and the score per dimension', async () => {
    const { dataDir } = await seededStore();
    const statements = await xapiReport(dataDir, ['--trainee', '小李']);
    const end = COHORT.ends.find((e) => COHORT.sessions.find((s) => s.sessionId === e.sessionId)?.trainee.name === '小李')!;
    const s = statements.find((x) => x.context.extensions[`${BASE}/extensions/session-id`] === end.sessionId)!;
    expect(s.actor).toEqual({ objectType: 'Agent', name: '小李', account: { homePage: `${BASE}/trainees/webchat`, name: 'u-li' } });
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    const scenario = COHORT.sessions.find((x) => x.sessionId === end.sessionId)!.scenarioId;
    expect(s.object.id).toBe(`${BASE}/scenarios/${scenario}`);
    expect(s.object.definition.name['zh-CN']).not.toBe(scenario); // the scenario's title, not its id
    expect(s.result.score).toEqual({ scaled: end.report.overall / 100, raw: end.report.overall, min: 0, max: 100 });
    expect(s.result.success).toBe(end.outcome === 'resolved');
    expect(s.result.completion).toBe(true);
    expect(s.result.extensions[`${BASE}/extensions/score-empathy`]).toBe(end.report.dimensions.empathy);
    expect(s.result.extensions[`${BASE}/extensions/score-problemSolving`]).toBe(end.report.dimensions.problemSolving);
    expect(s.timestamp).toBe(new Date(end.endedAt).toISOString());
    // The same session gives the same statement id on every export, so an LRS keeps it once.
    expect((await xapiReport(dataDir, ['--trainee', '小李'])).map((x) => x.id)).toEqual(statements.map((x) => x.id));
  });

  it('the rules catch what an LRS would refuse', () => {
    const good = sessionStatement({ ...summaryOf(COHORT.ends[0]!.sessionId) }, { base: BASE });
    expect(statementProblems(good)).toEqual([]);
    expect(statementProblems({ ...good, id: 'not-a-uuid' })).not.toEqual([]);
    expect(statementProblems({ ...good, actor: { objectType: 'Agent', name: 'x' } })).not.toEqual([]);
    expect(statementProblems({ ...good, result: { ...good.result, score: { scaled: 1.5 } } })).not.toEqual([]);
    expect(statementProblems({ ...good, result: { ...good.result, extensions: { empathy: 80 } } })).not.toEqual([]);
    expect(statementProblems({ ...good, result: { ...good.result, score: { raw: 120, min: 0, max: 100 } } })).not.toEqual([]);
  });
});

function summaryOf(sessionId: string) {
  const start = COHORT.sessions.find((s) => s.sessionId === sessionId)!;
  const end = COHORT.ends.find((e) => e.sessionId === sessionId)!;
  return {
    sessionId,
    scenarioId: start.scenarioId,
    traineeId: start.trainee.id,
    traineeName: start.trainee.name,
    channel: start.trainee.channel,
    conversationId: start.conversationId,
    locale: start.locale,
    mode: start.mode,
    startedAt: start.startedAt,
    endedAt: end.endedAt,
    outcome: end.outcome,
    overall: end.report.overall,
    dimensions: end.report.dimensions,
    report: end.report,
    turns: 3,
  };
}

/** A store with the cohort's sessions started, and a sender whose retries are 1 ms apart. */
async function sending(lrs: { endpoint: string }, store?: StorageHandle) {
  store ??= await openStorage({ dataDir: '', kind: 'memory' });
  const outbox = store.outbox!;
  const sender = new XapiSender(outbox, { endpoint: lrs.endpoint, username: 'key', password: 'secret' }, quiet, { backoff: () => 1 });
  cleanup.push(() => sender.stop());
  const records = withLearningRecords(store.records, outbox, { base: BASE, onQueued: () => sender.kick(), logger: quiet });
  return { store, outbox, sender, records };
}

async function endOne(records: ReturnType<typeof withLearningRecords>, index: number) {
  const start = COHORT.sessions.find((s) => s.sessionId === COHORT.ends[index]!.sessionId)!;
  await records.sessionStarted(start);
  await records.sessionEnded(COHORT.ends[index]!);
  return start.sessionId;
}

/** Kicks the sender until `check` holds, then lets it finish what it was doing (a delivery is marked sent after the store answers). */
async function until(check: () => boolean | Promise<boolean>, sender: XapiSender): Promise<void> {
  for (let i = 0; i < 2000 && !(await check()); i++) {
    sender.kick();
    await sender.idle();
    await new Promise((r) => setTimeout(r, 5));
  }
  await sender.idle();
}

describe('sending to a learning record store', () => {
  let lrs: TestLrs | undefined;
  afterEach(async () => {
    await lrs?.close();
    lrs = undefined;
  });

  it('sends each finished session once, with the version header and the credentials', async () => {
    lrs = await startLrs();
    const { records, sender, outbox } = await sending(lrs);
    await endOne(records, 0);
    await endOne(records, 1);
    await until(() => lrs!.stored.size === 2, sender);
    expect(lrs.stored.size).toBe(2);
    expect(await outbox.pending()).toBe(0);
    sender.kick();
    await sender.idle();
    expect(lrs.log.filter((l) => l.startsWith('PUT'))).toEqual(['PUT 204', 'PUT 204']);
  });

  it('keeps retrying, further apart, while the store answers with errors, then delivers', async () => {
    lrs = await startLrs();
    lrs.failNext(3, 503);
    const { records, sender, outbox } = await sending(lrs);
    await endOne(records, 0);
    await until(() => lrs!.stored.size === 1, sender);
    expect(lrs.log).toEqual(['PUT 503', 'PUT 503', 'PUT 503', 'PUT 204']);
    expect(await outbox.pending()).toBe(0);
  });

  it('waits longer after each failure (back-off) and never drops a statement', async () => {
    const delays: number[] = [];
    const store = await openStorage({ dataDir: '', kind: 'memory' });
    let clock = 1_000_000;
    const sender = new XapiSender(store.outbox!, { endpoint: 'http://127.0.0.1:9/xapi/', username: 'k', password: 's' }, quiet, {
      now: () => clock,
      backoff: (attempts) => {
        const d = 1000 * 2 ** (attempts - 1);
        delays.push(d);
        return d;
      },
    });
    cleanup.push(() => sender.stop());
    await store.outbox!.enqueue({ statementId: 'a', sessionId: 's', statement: '{}' }, clock);
    for (let i = 0; i < 4; i++) {
      sender.kick();
      await sender.idle();
      clock = (await store.outbox!.nextDueAt())!;
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000]);
    expect(await store.outbox!.pending()).toBe(1);
  });

  it('while the store is down, statements wait in the outbox and survive a restart; then they are sent', async () => {
    const dataDir = tempDataDir();
    // The store is down: nothing listens on its port.
    const probe = await startLrs();
    const port = probe.port;
    await probe.close();
    const down = { endpoint: `http://127.0.0.1:${port}/xapi/` };
    const first = await openStorage({ dataDir });
    const a = await sending(down, first);
    const sessionId = await endOne(a.records, 0);
    await endOne(a.records, 1);
    a.sender.kick();
    await a.sender.idle();
    expect(await first.outbox!.pending()).toBe(2);
    await a.sender.stop();
    await first.close();

    // A restart: a new store handle on the same data, and the LRS is back on its port.
    lrs = await startLrs(undefined, port);
    const second = await openStorage({ dataDir });
    cleanup.push(() => second.close());
    const b = await sending(lrs, second);
    b.sender.start();
    await until(() => lrs!.stored.size === 2, b.sender);
    expect(await second.outbox!.pending()).toBe(0);
    const sent = [...lrs.stored.values()] as XapiStatement[];
    expect(sent.map((s) => s.context.extensions[`${BASE}/extensions/session-id`])).toContain(sessionId);
  });

  it('a statement the store already has (an answer lost on the way) counts as sent', async () => {
    lrs = await startLrs();
    const { records, sender, outbox } = await sending(lrs);
    await endOne(records, 0);
    await until(() => lrs!.stored.size === 1, sender);
    // Queue the same session again, as after a crash between sending and marking it sent.
    const [statement] = [...lrs.stored.values()] as XapiStatement[];
    const other = { ...statement!, result: { ...statement!.result, completion: true, success: !statement!.result.success } };
    lrs.stored.set(statement!.id, other);
    const again = await openStorage({ dataDir: '', kind: 'memory' });
    await again.outbox!.enqueue({ statementId: statement!.id, sessionId: 'x', statement: JSON.stringify(statement) }, Date.now());
    const resend = new XapiSender(again.outbox!, { endpoint: lrs.endpoint, username: 'key', password: 'secret' }, quiet);
    resend.kick();
    await resend.idle();
    expect(lrs.log.at(-1)).toBe('PUT 409');
    expect(await again.outbox!.pending()).toBe(0);
    expect(await outbox.pending()).toBe(0);
  });
});

describe('the server with XAPI_ENDPOINT set', () => {
  let running: RunningBotServer | undefined;
  let lrs: TestLrs | undefined;
  afterEach(async () => {
    await running?.close();
    await lrs?.close();
    running = undefined;
    lrs = undefined;
  });

  it('sends the statement of a session played in the bot after it ends', async () => {
    lrs = await startLrs();
    const config = loadConfig({
      PORT: '0',
      PACING: 'false',
      XAPI_ENDPOINT: lrs.endpoint,
      XAPI_USERNAME: 'key',
      XAPI_PASSWORD: 'secret',
      XAPI_ACTIVITY_BASE: BASE,
    });
    running = await startServer(config, { logger: silentLogger, store: await openStorage({ dataDir: '', kind: 'memory' }) });
    const t = trainee(running.url, 'conv-xapi', 'zh-CN', { from: { id: 'trainee-x', name: '小李' } });
    const say = async (text: string) => expect((await t.say(text)).status).toBe(200);
    await say('开始 wrong-change');
    await say('您别急，我马上核对一下小票和钱箱。');
    await say('结束');
    for (let i = 0; i < 2000 && lrs.stored.size === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const [statement] = [...lrs.stored.values()] as XapiStatement[];
    expect(statementProblems(statement)).toEqual([]);
    expect(statement).toMatchObject({
      actor: { name: '小李', account: { name: 'trainee-x' } },
      object: { id: `${BASE}/scenarios/wrong-change`, definition: { name: { 'zh-CN': '找错零钱', 'en-US': 'Wrong change at the till' } } },
      result: { success: false, completion: true },
    });
  }, 60_000);
});
