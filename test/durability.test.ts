// Durability with real server processes (`node bin/roleplay.js serve`): a SIGKILL mid-scenario
// loses no state on SQLite, two processes share one PostgreSQL conversation turn by turn,
// concurrent replies to one conversation lose no turn, and a storage whose writes fail gives
// the trainee a clear "please send that again" message while the server stays up.
import { afterEach, describe, expect, it } from 'vitest';
import type { Storage, StoreItems } from 'botbuilder';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage, type StorageHandle } from '../bot/storage/index.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';
import { hasCard, spawnServer as spawnServerProcess, trainee, type Answer, type ServerProcess } from './support/server-process.ts';
import { tempDirs } from './support/temp-dirs.ts';

const GOOD = [
  '您好，您先别着急，慢慢说，我在听。',
  '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。',
  '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。',
  // The case is resolved at the refund; the closing words end the session.
  '不客气，今天给您添麻烦了，您还有别的需要随时找我，慢走。',
];
const NO_SESSION = '当前没有进行中的练习';

const servers: ServerProcess[] = [];
const dirs = tempDirs('roleplay-durability-');
const tempDir = dirs.make;
let inProcess: RunningBotServer | undefined;
let inProcessStore: StorageHandle | undefined;

afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop(0);
  await inProcess?.close();
  inProcess = undefined;
  await inProcessStore?.close();
  inProcessStore = undefined;
  dirs.removeAll();
});

/** A server process that afterEach kills if the test has not. */
async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await spawnServerProcess(env);
  servers.push(server);
  return server;
}

async function kill9(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.proc.once('exit', resolve));
  server.proc.kill('SIGKILL');
  await exited;
}

const say = (url: string, conversation: string, text: string): Promise<Answer> => trainee(url, conversation).say(text);

async function sessionsOf(dataDir: string) {
  const store = await openStorage({ dataDir });
  try {
    return (await store.records.listSessions?.()) ?? [];
  } finally {
    await store.close();
  }
}

describe('durability (real server processes)', () => {
  it('continues a SQLite session at the same state after kill -9 and a restart', async () => {
    const dataDir = tempDir();
    const first = await spawnServer({ DATA_DIR: dataDir });
    const started = await say(first.url, 'conv-kill', '开始 wrong-change');
    expect(started.status).toBe(200);
    expect(started.activities.length).toBeGreaterThan(0);
    const one = await say(first.url, 'conv-kill', GOOD[0]!);
    expect(one.status).toBe(200);
    expect(one.text).not.toContain(NO_SESSION);
    await kill9(first);

    const second = await spawnServer({ DATA_DIR: dataDir });
    const two = await say(second.url, 'conv-kill', GOOD[1]!);
    expect(two.status).toBe(200);
    expect(two.text).not.toContain(NO_SESSION);
    await say(second.url, 'conv-kill', GOOD[2]!);
    let last = await say(second.url, 'conv-kill', GOOD[3]!);
    if (!hasCard(last)) last = await say(second.url, 'conv-kill', '结束');
    expect(hasCard(last)).toBe(true);
    await kill9(second);

    const sessions = await sessionsOf(dataDir);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.turns).toBe(4);
    expect(sessions[0]!.outcome).toBe('resolved');
  }, 180_000);

  it.skipIf(!process.env.DATABASE_URL)(
    `two processes on one PostgreSQL play one conversation alternately to a resolved end${process.env.DATABASE_URL ? '' : ' (skipped: DATABASE_URL not set)'}`,
    async () => {
      const databaseUrl = process.env.DATABASE_URL!;
      // The server reads no schema setting from the environment: both use the default schema, so the conversation id is unique.
      const conversation = `conv-pg-${Date.now()}-${process.pid}`;
      const a = await spawnServer({ DATABASE_URL: databaseUrl, DATA_DIR: tempDir() });
      const b = await spawnServer({ DATABASE_URL: databaseUrl, DATA_DIR: tempDir() });
      expect((await say(a.url, conversation, '开始 wrong-change')).status).toBe(200);
      let last = await say(b.url, conversation, GOOD[0]!);
      expect(last.text).not.toContain(NO_SESSION);
      last = await say(a.url, conversation, GOOD[1]!);
      expect(last.text).not.toContain(NO_SESSION);
      last = await say(b.url, conversation, GOOD[2]!);
      last = await say(a.url, conversation, GOOD[3]!);
      if (!hasCard(last)) last = await say(a.url, conversation, '结束');
      expect(hasCard(last)).toBe(true);
      const store = await openStorage({ dataDir: '', databaseUrl });
      try {
        const session = ((await store.records.listSessions?.()) ?? []).find(
          (s) => s.traineeId === `trainee-${conversation}` || JSON.stringify(s).includes(conversation),
        );
        expect(session?.turns).toBe(4);
        expect(session?.outcome).toBe('resolved');
      } finally {
        await store.close();
      }
    },
    180_000,
  );

  it('answers 5 concurrent replies to one conversation and records all 5 turns', async () => {
    const dataDir = tempDir();
    const server = await spawnServer({ DATA_DIR: dataDir });
    expect((await say(server.url, 'conv-burst', '开始 wrong-change')).status).toBe(200);
    const replies = [
      '您好，我在听，您慢慢说。',
      '请您把情况再说一下，我记下来。',
      '我明白，您先别急。',
      '我在认真听您说。',
      '好的，您接着说，我在听。',
    ];
    const answers = await Promise.all(replies.map((text) => say(server.url, 'conv-burst', text)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.activities.length).toBeGreaterThan(0);
    }
    await kill9(server);
    const sessions = await sessionsOf(dataDir);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.turns).toBe(5);
  }, 180_000);
});

/** A storage whose writes fail while `failing` is set (a full disk, a read-only volume). */
class FlakyStorage implements Storage {
  failing = false;
  constructor(private readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    if (this.failing) return Promise.reject(new Error('SQLITE_READONLY: attempt to write a readonly database'));
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    if (this.failing) return Promise.reject(new Error('SQLITE_READONLY: attempt to write a readonly database'));
    return this.inner.delete(keys);
  }
}

describe('storage unavailable', () => {
  // Tests run as root, where chmod 0555/0444 does not stop SQLite writing: the failure is injected
  // into the storage instead, behind the real server.
  it('tells the trainee to send again in their language, stays up, and continues once writes work', async () => {
    const real = await openStorage({ dataDir: tempDir() });
    inProcessStore = real;
    const flaky = new FlakyStorage(real.storage);
    let writable = true;
    const store: StorageHandle = { ...real, storage: flaky, ready: async () => writable && (await real.ready()), close: async () => {} };
    inProcess = await startServer(loadConfig({ PORT: '0', PACING: 'false' }), { logger: silentLogger, store });
    const url = inProcess.url;
    expect((await say(url, 'conv-ro', '开始 wrong-change')).status).toBe(200);
    expect((await say(url, 'conv-ro', GOOD[0]!)).text).not.toContain(NO_SESSION);

    flaky.failing = true;
    writable = false;
    const failed = await say(url, 'conv-ro', GOOD[1]!);
    expect(failed.text).toContain('请再发一次');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // /readyz asks the storage handle; this handle reports the failing writes (the real SQLite one only checks that it can read).
    expect((await fetch(`${url}/readyz`)).status).toBe(503);

    flaky.failing = false;
    writable = true;
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const retried = await say(url, 'conv-ro', GOOD[1]!);
    expect(retried.text).not.toContain(NO_SESSION);
    expect(retried.text).not.toContain('请再发一次');
    let last = await say(url, 'conv-ro', GOOD[2]!);
    if (!hasCard(last)) last = await say(url, 'conv-ro', '结束');
    expect(hasCard(last)).toBe(true);
  }, 120_000);
});
