// Worker threads for batch scoring: scoring is CPU-bound and independent per
// line, so batches go to one worker per core and the results come back in input
// order (the caller awaits them first in, first out).
import { Worker } from 'node:worker_threads';
import type { BatchOptions, BatchResult } from '../../evaluators/index.ts';
import type { WorkerRequest, WorkerResponse } from './score-worker.ts';

/** A worker failed: the command cannot finish in order, so it stops. */
export class ScoringWorkerError extends Error {}

interface Slot {
  worker: Worker;
  busy: number;
}

function startWorker(options: BatchOptions): Worker {
  const entry = new URL('./score-worker.ts', import.meta.url);
  // The compiled copy names its worker score-worker.js; from the sources, tsx comes first.
  const start = entry.pathname.endsWith('.ts') ? new URL('./score-worker-tsx.mjs', import.meta.url) : entry;
  return new Worker(start, { workerData: options });
}

export class ScoringPool {
  private readonly slots: Slot[];
  private readonly waiting = new Map<number, { resolve(result: BatchResult): void; reject(error: Error): void; slot: Slot }>();
  private seq = 0;
  private failed: ScoringWorkerError | undefined;
  private closing = false;

  /** `onProblems` hears, once, the lexicon entries the workers had to leave out. */
  constructor(size: number, options: BatchOptions, onProblems?: (problems: string[]) => void) {
    let reported = false;
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: startWorker(options), busy: 0 };
      slot.worker.on('message', (message: WorkerResponse | { ready: true; problems: string[] }) => {
        if ('ready' in message) {
          if (!reported && message.problems.length) onProblems?.(message.problems);
          reported = true;
          return;
        }
        const job = this.waiting.get(message.seq);
        if (!job) return;
        this.waiting.delete(message.seq);
        job.slot.busy--;
        job.resolve(
          message.timings ? { out: message.out, bad: message.bad, timings: message.timings } : { out: message.out, bad: message.bad },
        );
      });
      slot.worker.on('error', (error) => this.fail(new ScoringWorkerError(`a scoring worker failed: ${error.message}`)));
      slot.worker.on('exit', (code) => {
        if (!this.closing) this.fail(new ScoringWorkerError(`a scoring worker stopped (exit code ${code})`));
      });
      return slot;
    });
  }

  private fail(error: ScoringWorkerError): void {
    this.failed ??= error;
    for (const job of this.waiting.values()) job.reject(this.failed);
    this.waiting.clear();
  }

  /** Scores a batch on the least busy worker. */
  submit(lines: [number, string][]): Promise<BatchResult> {
    if (this.failed) return Promise.reject(this.failed);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const seq = this.seq++;
    slot.busy++;
    const request: WorkerRequest = { seq, lines };
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject, slot });
      slot.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
