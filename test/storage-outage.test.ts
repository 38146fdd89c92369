// Storage going away under a running server, for real: the test owns a PostgreSQL
// cluster and stops it mid-scenario, or makes the SQLite files immutable. While the
// storage is gone the trainee is told, in their language, that the reply was not saved;
// the server stays up (/healthz) but says it is not ready (/readyz); once the storage is
// back, /readyz recovers by itself and the same session continues with every turn kept.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../bot/storage/index.ts';
import { PG_CLUSTER_SKIP, PgCluster } from './support/pg-cluster.ts';
import { hasCard, spawnServer, trainee, type Answer, type ServerProcess, type Trainee } from './support/server-process.ts';

const GOOD_ZH = [
  '您好，您先别着急，慢慢说，我在听。',
  '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。',
  '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。',
];
const GOOD_EN = ['Hello, please take your time, I am listening.', 'I understand. Let me check the receipt and count the till right now.'];
const RETRY = { zh: '请再发一次', en: 'please send that again' };
const NO_SESSION = { zh: '当前没有进行中的练习', en: 'No practice is running' };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function status(url: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls /readyz: recovery must come by itself, without a restart or a trainee's message. */
async function readyAgain(url: string, withinMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if ((await status(url, '/readyz')).status === 200) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

function expectContinued(answer: Answer, lang: 'zh' | 'en'): void {
  expect(answer.status).toBe(200);
  expect(answer.activities.length).toBeGreaterThan(0);
  expect(answer.text).not.toContain(RETRY[lang]);
  expect(answer.text).not.toContain(NO_SESSION[lang]);
}

async function expectNotSaved(t: Trainee, text: string, lang: 'zh' | 'en', server: ServerProcess): Promise<void> {
  const answer = await t.say(text);
  // The HTTP call itself succeeds: the channel must not retry on its own, the trainee is asked to.
  expect(answer.status, server.output()).toBe(200);
  expect(answer.text).toContain(RETRY[lang]);
}

describe.skipIf(!!PG_CLUSTER_SKIP)(
  `PostgreSQL stopped and started under a running server${PG_CLUSTER_SKIP ? ` (${PG_CLUSTER_SKIP})` : ''}`,
  () => {
    it('asks the trainee to resend while it is down, stays alive, reports not ready, and continues the same session after each restart with no turn lost', async () => {
      const cluster = await PgCluster.create();
      cleanups.push(() => cluster.destroy());
      const server = await spawnServer({ DATABASE_URL: cluster.url, DATA_DIR: tempDir('roleplay-outage-') });
      cleanups.push(() => server.stop());
      const zh = trainee(server.url, 'conv-pg-outage-zh', 'zh-CN');
      const en = trainee(server.url, 'conv-pg-outage-en', 'en');

      expect((await zh.say('开始 wrong-change')).status).toBe(200);
      expect((await en.say('start wrong-change')).status).toBe(200);
      expectContinued(await zh.say(GOOD_ZH[0]!), 'zh');
      expectContinued(await en.say(GOOD_EN[0]!), 'en');

      // First a clean shutdown (sessions ended by the server), then a crash (no goodbye at all).
      for (const [mode, turn] of [
        ['fast', 1],
        ['immediate', 2],
      ] as const) {
        await cluster.stop(mode);
        await expectNotSaved(zh, GOOD_ZH[turn]!, 'zh', server);
        if (mode === 'fast') await expectNotSaved(en, GOOD_EN[turn]!, 'en', server);
        expect((await status(server.url, '/healthz')).status).toBe(200);
        const down = await status(server.url, '/readyz');
        expect(down.status).toBe(503);
        expect(down.body.storage).toBe('unreachable');
        // Asked twice: a not-ready answer must not itself be what keeps the server not ready.
        expect((await status(server.url, '/readyz')).status).toBe(503);

        await cluster.start();
        expect(await readyAgain(server.url), `/readyz did not recover after PostgreSQL restarted (${mode}):\n${server.output()}`).toBe(
          true,
        );
        const resent = await zh.say(GOOD_ZH[turn]!);
        expectContinued(resent, 'zh');
        if (mode === 'fast') expectContinued(await en.say(GOOD_EN[turn]!), 'en');
        if (turn === 2) {
          const last = hasCard(resent) ? resent : await zh.say('结束');
          expect(hasCard(last)).toBe(true);
        }
      }
      expect(server.proc.exitCode).toBeNull();

      const store = await openStorage({ dataDir: '', databaseUrl: cluster.url });
      try {
        const sessions = (await store.records.listSessions?.()) ?? [];
        const zhSessions = sessions.filter((s) => s.conversationId === zh.conversation);
        expect(zhSessions).toHaveLength(1);
        expect(zhSessions[0]!.outcome).toBe('resolved');
        const turns = (await store.records.sessionTurns?.(zhSessions[0]!.sessionId)) ?? [];
        expect(turns.map((t) => t.reply)).toEqual(GOOD_ZH);
        const enSessions = sessions.filter((s) => s.conversationId === en.conversation);
        expect(enSessions).toHaveLength(1);
        const enTurns = (await store.records.sessionTurns?.(enSessions[0]!.sessionId)) ?? [];
        expect(enTurns.map((t) => t.reply)).toEqual(GOOD_EN);
      } finally {
        await store.close();
      }
    }, 240_000);
  },
);

/** Whether this machine lets root make a file immutable (ext4 and most Linux file systems do; tmpfs and overlay may not). */
function immutableSupported(): string | undefined {
  if (process.platform !== 'linux') return 'skipped: needs Linux chattr';
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'roleplay-chattr-'));
    const probe = join(dir, 'probe');
    writeFileSync(probe, 'x');
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    let blocked = false;
    try {
      writeFileSync(probe, 'y');
    } catch {
      blocked = true;
    }
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return blocked ? undefined : 'skipped: chattr +i does not stop writes here';
  } catch {
    return 'skipped: chattr +i is not supported here (not root, or the temp file system has no immutable flag)';
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
const IMMUTABLE_SKIP = immutableSupported();

describe.skipIf(!!IMMUTABLE_SKIP)(
  `SQLite database files made immutable under a running server${IMMUTABLE_SKIP ? ` (${IMMUTABLE_SKIP})` : ''}`,
  () => {
    it('asks the trainee to resend while writes fail, stays alive, reports not ready, and continues the same session once the files are writable', async () => {
      const dataDir = tempDir('roleplay-readonly-');
      // The database and its write-ahead log: where SQLite writes. (The -shm index is memory-mapped;
      // see docs/reliability.md for why it is left alone.)
      const files = ['roleplay.sqlite', 'roleplay.sqlite-wal'].map((f) => join(dataDir, f));
      const setImmutable = (on: boolean) => execFileSync('chattr', [on ? '+i' : '-i', ...files], { stdio: 'ignore' });
      cleanups.push(() => {
        try {
          setImmutable(false);
        } catch {
          // already writable, or gone
        }
      });
      const server = await spawnServer({ DATA_DIR: dataDir });
      cleanups.push(() => server.stop());
      const zh = trainee(server.url, 'conv-ro-zh', 'zh-CN');
      const en = trainee(server.url, 'conv-ro-en', 'en');
      expect((await zh.say('开始 wrong-change')).status).toBe(200);
      expect((await en.say('start wrong-change')).status).toBe(200);
      expectContinued(await zh.say(GOOD_ZH[0]!), 'zh');
      expectContinued(await en.say(GOOD_EN[0]!), 'en');

      setImmutable(true);
      await expectNotSaved(zh, GOOD_ZH[1]!, 'zh', server);
      await expectNotSaved(en, GOOD_EN[1]!, 'en', server);
      expect((await status(server.url, '/healthz')).status).toBe(200);
      expect((await status(server.url, '/readyz')).status).toBe(503);
      expect((await status(server.url, '/readyz')).status).toBe(503);

      setImmutable(false);
      expect(await readyAgain(server.url), `/readyz did not recover once the files were writable:\n${server.output()}`).toBe(true);
      expectContinued(await zh.say(GOOD_ZH[1]!), 'zh');
      expectContinued(await en.say(GOOD_EN[1]!), 'en');
      const third = await zh.say(GOOD_ZH[2]!);
      expectContinued(third, 'zh');
      const last = hasCard(third) ? third : await zh.say('结束');
      expect(hasCard(last)).toBe(true);
      expect(server.proc.exitCode).toBeNull();
      await server.stop();

      const store = await openStorage({ dataDir });
      try {
        const sessions = (await store.records.listSessions?.()) ?? [];
        const zhSession = sessions.find((s) => s.conversationId === zh.conversation);
        expect(sessions.filter((s) => s.conversationId === zh.conversation)).toHaveLength(1);
        expect(zhSession?.outcome).toBe('resolved');
        expect(((await store.records.sessionTurns?.(zhSession!.sessionId)) ?? []).map((t) => t.reply)).toEqual(GOOD_ZH);
        const enSession = sessions.find((s) => s.conversationId === en.conversation);
        expect(((await store.records.sessionTurns?.(enSession!.sessionId)) ?? []).map((t) => t.reply)).toEqual(GOOD_EN);
      } finally {
        await store.close();
      }
    }, 180_000);
  },
);
