// Load at twice the conversation count the product is sized for (100, not 50), for 60 s, against the
// real server as a child process (pacing off, SQLite in a temp dir), over loopback. Each
// conversation plays a scenario turn by turn, ends it and starts again. Proven: no error and
// no unanswered turn, nothing lost. The server's memory (live heap after GC, and RSS) in the
// first and the last 10 s is measured and printed, not asserted: on a shared machine it moves
// with the neighbours; docs/reliability.md and the benchmarks keep the figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../bot/storage/index.ts';
import { connectHeapProbe, inspectorUrl, type HeapProbe } from './support/heap-probe.ts';
import { rssWindows, runLoad } from './support/load-driver.ts';
import { spawnServer, type ServerProcess } from './support/server-process.ts';

const CONVERSATIONS = 100;
const WARMUP_MS = 10_000;
const DURATION_MS = 60_000;
const WINDOW_MS = 10_000;
/** Reference bounds printed beside the figures, wide enough for a steady server on a shared machine (figures in docs/reliability.md). */
const HEAP_TOLERANCE_KB = 8 * 1024;
const RSS_TOLERANCE_RATIO = 0.25;

const REPLIES = [
  '您好，您先别着急，慢慢说，我在听。',
  '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。',
  '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。',
];
const SCRIPT = ['开始 wrong-change', ...REPLIES, '结束'];
const FAILURE_TEXTS = ['请再发一次', '当前没有进行中的练习'];

let server: ServerProcess | undefined;
let heap: HeapProbe | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await heap?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('load: 100 concurrent conversations for 60 s', () => {
  it("answers every turn without an error and loses none; the server's memory in the first and the last 10 s is printed", async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'roleplay-load-'));
    // The inspector (loopback, random port) lets the test force a GC and read the live heap.
    server = await spawnServer({ DATA_DIR: dataDir }, { nodeArgs: ['--inspect=127.0.0.1:0'] });
    heap = await connectHeapProbe(await inspectorUrl(server.output));
    const result = await runLoad({
      url: server.url,
      pid: server.pid,
      conversations: CONVERSATIONS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      script: SCRIPT,
      failureTexts: FAILURE_TEXTS,
      heap,
      heapEveryMs: 2000,
    });
    const rss = rssWindows(result.samples, DURATION_MS, WINDOW_MS);
    const live = rssWindows(result.heapSamples, DURATION_MS, WINDOW_MS);
    const allowedRssKb = rss.firstMedianKb * RSS_TOLERANCE_RATIO;
    const mb = (kb: number) => (kb / 1024).toFixed(1);
    // The figures go into docs/reliability.md; printed so every CI log has them too.
    console.log(
      `[load] ${CONVERSATIONS} conversations, ${(result.measuredMs / 1000).toFixed(1)} s measured after ${WARMUP_MS / 1000} s warm-up: ` +
        `${result.turns} turns (${(result.turns / (result.measuredMs / 1000)).toFixed(0)}/s), ${result.answered} answered, ${result.rounds} rounds, ` +
        `${result.failures.length} failed answers, ${result.networkErrors} network errors; ` +
        `live heap after GC median first 10 s ${mb(live.firstMedianKb)} MB (${live.first.length} samples), last 10 s ${mb(live.lastMedianKb)} MB (${live.last.length} samples), reference bound ${mb(HEAP_TOLERANCE_KB)} MB; ` +
        `RSS median first 10 s ${mb(rss.firstMedianKb)} MB (${rss.first.length} samples), last 10 s ${mb(rss.lastMedianKb)} MB (${rss.last.length} samples), reference bound ${mb(allowedRssKb)} MB\n` +
        `[load] heap MB: ${result.heapSamples.map((s) => mb(s.kb)).join(' ')}\n[load] RSS MB: ${result.samples.map((s) => mb(s.kb)).join(' ')}`,
    );

    expect(result.failures.slice(0, 5), server.output()).toEqual([]);
    expect(result.networkErrors).toBe(0);
    expect(result.answered).toBe(result.turns);
    // Guards that the run really was a load, not a handful of turns (generous: 2-core CI machines).
    expect(result.turns).toBeGreaterThan(CONVERSATIONS * SCRIPT.length);
    expect(server.proc.exitCode).toBeNull();
    expect(rss.first.length).toBeGreaterThanOrEqual(5);
    expect(rss.last.length).toBeGreaterThanOrEqual(5);
    expect(live.first.length).toBeGreaterThanOrEqual(3);
    expect(live.last.length).toBeGreaterThanOrEqual(3);

    // Nothing lost under load: every answered start is a session and every answered reply a recorded turn.
    await server.stop();
    const store = await openStorage({ dataDir });
    try {
      const sessions = (await store.records.listSessions?.({ limit: 100_000 })) ?? [];
      const recordedTurns = sessions.reduce((sum, s) => sum + s.turns, 0);
      const answeredReplies = REPLIES.reduce((sum, r) => sum + (result.answeredByText.get(r) ?? 0), 0);
      console.log(`[load] records: ${sessions.length} sessions, ${recordedTurns} turns recorded for ${answeredReplies} answered replies`);
      expect(sessions.length).toBe(result.answeredByText.get(SCRIPT[0]!));
      expect(recordedTurns).toBe(answeredReplies);
    } finally {
      await store.close();
    }
  }, 180_000);
});
