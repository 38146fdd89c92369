// A load driver for the real server: N conversations at once, each a trainee playing a
// scenario turn by turn through POST /api/messages (deliveryMode expectReplies, loopback),
// starting again when it ends; the server's RSS is sampled from /proc while it runs.
// Every turn must come back 2xx with at least one activity, and none of them may be the
// bot's "something went wrong, send again" message.
import type { HeapProbe } from './heap-probe.ts';
import { rssKb, trainee, type Answer } from './server-process.ts';

export interface LoadOptions {
  url: string;
  /** The server's pid, for /proc/<pid>/status. */
  pid: number;
  conversations: number;
  /** Played before measuring: start-up costs (JIT, caches, first allocations) are not growth. */
  warmupMs: number;
  durationMs: number;
  /** One round of a conversation: sent in order, then again from the start. */
  script: string[];
  /** Texts that mark an answer as a failure even with status 200. */
  failureTexts: string[];
  sampleEveryMs?: number;
  /** When given, the live heap after a forced GC is sampled too (every `heapEveryMs`, default 2 s). */
  heap?: HeapProbe;
  heapEveryMs?: number;
  tag?: string;
}

export interface RssSample {
  /** ms since the measured period began (negative during the warm-up). */
  atMs: number;
  kb: number;
}

export interface LoadFailure {
  conversation: number;
  text: string;
  status: number;
  answer: string;
}

export interface LoadResult {
  /** Turns sent and answered during the measured period (the warm-up is not counted). */
  turns: number;
  answered: number;
  rounds: number;
  failures: LoadFailure[];
  /** Requests that threw (connection refused or reset). */
  networkErrors: number;
  samples: RssSample[];
  /** Live heap after GC, in kB, same time base as `samples`. */
  heapSamples: RssSample[];
  measuredMs: number;
  /** Good answers per script line over the whole run, warm-up included (to compare with the records). */
  answeredByText: Map<string, number>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const tag = options.tag ?? `load-${process.pid}-${Date.now()}`;
  const began = Date.now();
  const measureFrom = began + options.warmupMs;
  const until = measureFrom + options.durationMs;
  const result: LoadResult = {
    turns: 0,
    answered: 0,
    rounds: 0,
    failures: [],
    networkErrors: 0,
    samples: [],
    heapSamples: [],
    measuredMs: 0,
    answeredByText: new Map(),
  };

  const sampleEvery = options.sampleEveryMs ?? 1000;
  const sampler = setInterval(() => {
    try {
      result.samples.push({ atMs: Date.now() - measureFrom, kb: rssKb(options.pid) });
    } catch {
      // The process is gone: the failures and network errors will say so.
    }
  }, sampleEvery);

  let heapLoop: Promise<void> = Promise.resolve();
  if (options.heap) {
    const heap = options.heap;
    const every = options.heapEveryMs ?? 2000;
    heapLoop = (async () => {
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, every));
        try {
          const at = Date.now() - measureFrom;
          result.heapSamples.push({ atMs: at, kb: (await heap.liveHeapBytes()) / 1024 });
        } catch {
          return;
        }
      }
    })();
  }

  const isFailure = (answer: Answer) =>
    answer.status < 200 ||
    answer.status >= 300 ||
    answer.activities.length === 0 ||
    options.failureTexts.some((t) => answer.text.includes(t));

  try {
    await Promise.all(
      Array.from({ length: options.conversations }, async (_, c) => {
        const t = trainee(options.url, `${tag}-${c}`, 'zh-CN', { channelId: 'load' });
        while (Date.now() < until) {
          for (const text of options.script) {
            const measured = Date.now() >= measureFrom;
            let answer: Answer;
            try {
              answer = await t.say(text);
            } catch {
              if (measured) result.turns++;
              result.networkErrors++;
              continue;
            }
            // Failures during the warm-up count too: they are errors all the same.
            if (isFailure(answer))
              result.failures.push({ conversation: c, text, status: answer.status, answer: answer.text.slice(0, 200) });
            else {
              result.answeredByText.set(text, (result.answeredByText.get(text) ?? 0) + 1);
              if (measured) result.answered++;
            }
            if (measured) result.turns++;
          }
          if (Date.now() >= measureFrom) result.rounds++;
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    await heapLoop;
  }
  result.measuredMs = Date.now() - measureFrom;
  return result;
}

/** Medians of the samples in the first and the last `windowMs` of the measured period. */
export function rssWindows(
  samples: RssSample[],
  durationMs: number,
  windowMs: number,
): { first: number[]; last: number[]; firstMedianKb: number; lastMedianKb: number } {
  const first = samples.filter((s) => s.atMs >= 0 && s.atMs < windowMs).map((s) => s.kb);
  const last = samples.filter((s) => s.atMs >= durationMs - windowMs && s.atMs <= durationMs).map((s) => s.kb);
  return { first, last, firstMedianKb: median(first), lastMedianKb: median(last) };
}
