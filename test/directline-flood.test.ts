// One web trainee flooding the server with 63 KB messages must not slow another trainee's
// turns: the other trainee's p99 turn time during the flood stays under twice its p99 when
// the server is otherwise idle, both measured in this test on the same server process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dlTrainee, type DlActivity } from './support/directline-client.ts';
import { spawnServer, type ServerProcess } from './support/server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await spawnServer({ PACING: 'off', DIRECTLINE_POSTS_PER_MINUTE: '45' });
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

function p(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

describe('a flooding trainee', () => {
  it('does not slow another trainee’s turns (p99 during the flood < 2× idle p99)', async () => {
    const calm = await dlTrainee(server.url, { name: 'Calm' });
    const waiting = new Map<string, () => void>();
    const early = new Set<string>();
    const ws = await calm.stream((a: DlActivity) => {
      if (a.from?.role !== 'bot' || !a.replyToId) return;
      const done = waiting.get(a.replyToId);
      if (done) done();
      else early.add(a.replyToId);
    });
    /** One turn of the calm trainee: from the post to the bot's first reply on the stream. */
    const turn = async (): Promise<number> => {
      const t0 = performance.now();
      const replied = new Promise<void>((resolve, reject) => {
        void calm.post('你好，请问有什么可以帮您？').then((r) => {
          if (r.status !== 200 || !r.id) return reject(new Error(`calm trainee refused: ${r.status}`));
          if (early.delete(r.id)) resolve();
          else waiting.set(r.id, resolve);
        }, reject);
      });
      await replied;
      return performance.now() - t0;
    };
    // Each turn waits a moment like a typing trainee, which also keeps them under their own limit.
    const measure = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        times.push(await turn());
        await new Promise((r) => setTimeout(r, 1200));
      }
      return times;
    };
    for (let i = 0; i < 3; i++) await turn();

    const flooder = await dlTrainee(server.url, { name: 'Flood' });
    const big = '字'.repeat(21_000); // 63 KB of UTF-8
    const counts = { sent: 0, accepted: 0, limited: 0 };
    const flood = async (isOn: () => boolean) => {
      const loop = async () => {
        while (isOn()) {
          const r = await flooder.post(big).catch(() => ({ status: 0 }));
          counts.sent += 1;
          if (r.status === 200) counts.accepted += 1;
          // Refused: 429, or the connection closed on it while the body was still going out.
          else counts.limited += 1;
        }
      };
      await Promise.all([loop(), loop()]);
    };

    const idle: number[] = [];
    const flooded: number[] = [];
    for (let round = 0; round < 3; round++) {
      idle.push(...(await measure(12)));
      let on = true;
      const running = flood(() => on);
      flooded.push(...(await measure(12)));
      on = false;
      await running;
    }
    ws.close();
    const figures = {
      idle: { p50: p(idle, 0.5), p99: p(idle, 0.99) },
      flood: { p50: p(flooded, 0.5), p99: p(flooded, 0.99) },
      ...counts,
    };
    console.log(`[flood] ${JSON.stringify(figures, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v))}`);
    expect(counts.limited).toBeGreaterThan(counts.accepted);
    expect(figures.flood.p99).toBeLessThan(2 * figures.idle.p99);
  }, 300_000);
});
