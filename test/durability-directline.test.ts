// Acknowledged means stored, over the web chat's Direct Line: a server killed with SIGKILL in
// the middle of bursts answers, after its restart, every message it had acknowledged (the
// turn is finished, or the trainee is told plainly to send it again), with pacing on and off.
// A data directory deleted or replaced under the running server makes /readyz fail and turns
// be refused out loud, never acknowledged and lost.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dlTrainee, type DlActivity, type DlTrainee } from './support/directline-client.ts';
import { spawnServer, trainee, type ServerProcess } from './support/server-process.ts';
import { tempDirs } from './support/temp-dirs.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters-long';
const REPLIES = [
  '您好，您先别着急，慢慢说，我在听。',
  '我理解您着急，我现在就核对一下小票。',
  '好的，我再清点一下钱箱。',
  '请您稍等，我马上给您看。',
];
const RESEND = /请再发一次|send it again/;

const servers: ServerProcess[] = [];
const dirs = tempDirs('roleplay-dl-durability-');
const dataDir = dirs.make;
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop(0);
  dirs.removeAll();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const server = await spawnServer({ DIRECTLINE_SECRET: SECRET, DIRECTLINE_POSTS_PER_MINUTE: '100000', ...env });
  servers.push(server);
  return server;
}

/** The same trainee and conversation against another server process (tokens survive: same secret). */
function moved(t: DlTrainee, baseUrl: string): DlTrainee {
  const path = `${baseUrl}/v3/directline/conversations/${t.conversationId}/activities`;
  return {
    ...t,
    async activities() {
      const r = await fetch(path, { headers: { Authorization: `Bearer ${t.token}` } });
      if (r.status !== 200) throw new Error(`activities: ${r.status}`);
      return ((await r.json()) as { activities: DlActivity[] }).activities;
    },
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.each<{ pacing: string; env: Record<string, string> }>([
  { pacing: 'off', env: { PACING: 'off' } },
  { pacing: 'on', env: { PACING: 'on', PACING_MS_PER_CHAR: '5', PACING_MIN_MS: '150', PACING_MAX_MS: '400' } },
])('kill -9 during Direct Line bursts, pacing $pacing', ({ pacing, env }) => {
  it('answers every acknowledged message after the restart', async () => {
    const dir = dataDir();
    const first = await start({ ...env, DATA_DIR: dir });
    const trainees = await Promise.all(
      Array.from({ length: 4 }, (_, i) => dlTrainee(first.url, { name: `T${i}`, locale: i % 2 ? 'en' : 'zh-CN' })),
    );
    for (const t of trainees) expect((await t.post('开始 wrong-change')).status).toBe(200);

    const acknowledged = new Map<string, DlTrainee>();
    let refused = 0;
    let killed = false;
    // Each trainee posts bursts of three at once, again and again. The server is killed the
    // moment the 40th message is acknowledged, while the turns of the latest bursts still run.
    const bursts = trainees.map(async (t) => {
      for (let round = 0; !killed; round++) {
        const results = await Promise.all(
          [0, 1, 2].map((k) =>
            t.post(REPLIES[(round * 3 + k) % REPLIES.length]!).then(
              (r) => {
                if (r.status === 200 && r.id) acknowledged.set(r.id, t);
                else refused += 1;
                if (acknowledged.size >= 40 && !killed) {
                  killed = true;
                  first.proc.kill('SIGKILL');
                }
                return r;
              },
              () => ((refused += 1), { status: 0 }),
            ),
          ),
        );
        if (results.every((r) => r.status === 0)) return;
      }
    });
    await Promise.all(bursts);
    await new Promise((r) => (first.proc.exitCode !== null || first.proc.signalCode !== null ? r(null) : first.proc.once('exit', r)));

    const second = await start({ ...env, DATA_DIR: dir });
    const again = trainees.map((t) => moved(t, second.url));
    const unanswered = await until('every acknowledged message answered', async () => {
      const replied = new Set<string>();
      for (const t of again) for (const a of await t.activities()) if (a.from?.role === 'bot' && a.replyToId) replied.add(a.replyToId);
      const missing = [...acknowledged.keys()].filter((id) => !replied.has(id));
      return missing.length === 0 ? missing : undefined;
    });
    expect(unanswered).toEqual([]);

    let notices = 0;
    for (const t of again) for (const a of await t.activities()) if (a.from?.role === 'bot' && RESEND.test(a.text ?? '')) notices += 1;
    const recovered = Number(/"event":"directline\.turns_recovered"[^\n]*"count":(\d+)/.exec(second.output())?.[1] ?? 0);
    console.log(
      `[dl-kill9 pacing ${pacing}] acknowledged ${acknowledged.size}, refused or cut ${refused}, finished after the restart ${recovered}, told to resend ${notices}`,
    );
    // The conversations go on after the restart.
    const next = await moved(trainees[0]!, second.url);
    const res = await fetch(`${second.url}/v3/directline/conversations/${next.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${next.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '还有别的问题吗？' }),
    });
    expect(res.status).toBe(200);
  }, 240_000);
});

describe('a data directory that vanishes or is replaced under the running server', () => {
  it.each(['deleted', 'replaced'])(
    'when %s: /readyz fails and turns are refused, never acknowledged and lost',
    async (how) => {
      const dir = dataDir();
      const server = await start({ PACING: 'off', DATA_DIR: dir });
      const web = await dlTrainee(server.url, { name: 'Web' });
      const teams = trainee(server.url, `conv-gone-${how}`);
      expect((await teams.say('开始 wrong-change')).status).toBe(200);
      expect((await web.post('开始 wrong-change')).status).toBe(200);

      rmSync(dir, { recursive: true, force: true });
      if (how === 'replaced') {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'roleplay.sqlite'), '');
      }
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(503);
      // The web trainee's message is not acknowledged: the chat shows it as not sent.
      expect((await web.post('您好，您先别着急。')).status).toBe(503);
      // The channel's trainee is told, in their language, to send it again.
      const answer = await teams.say('您好，您先别着急。');
      expect(answer.text).toMatch(/请再发一次/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    },
    120_000,
  );
});
