// The heavy part of a turn (the customer engine, the evaluators, the score card) on a thread of
// its own, so that on a machine with more than one core the server goes on reading, storing and
// answering other trainees' turns while one is scored. The thread keeps a copy of the scenarios
// the bot serves, sent at start and again after every reload, and reads the same lexicon files;
// a call names its scenario by id and carries the session, and gets back the engine's own
// result. A session the thread answered with is not sent again but named, and a new session comes
// back as what changed (session-delta.ts). A thread that stops fails the calls in flight (their
// turns are refused and can be sent again) and is replaced.
import { Worker } from 'node:worker_threads';
import type { ReplyResult, SessionStateJson, TurnOutput } from '../../scenarios/index.ts';
import type { ScoreCard, SessionOutcome } from '../../evaluators/index.ts';
import type { ScenarioInfo } from './engine-port.ts';
import type { SessionRef, ThreadAnswer, ThreadCall, ThreadMessage } from './engine-thread-protocol.ts';
import { applySessionDelta } from './session-delta.ts';

/** The worker's entry beside this file: compiled JavaScript in a build; from TypeScript, through tsx. */
function workerEntry(): URL {
  return new URL(import.meta.url.endsWith('.ts') ? './engine-worker.dev.mjs' : './engine-worker.js', import.meta.url);
}

interface Pending {
  resolve(answer: ThreadAnswer): void;
  reject(error: Error): void;
}

export class EngineThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The key under which the thread keeps each session it answered with (this side's copy of it). */
  private kept = new WeakMap<SessionStateJson, string>();

  /** `scenarios` is the bot's own map, read whenever the thread needs a copy. The thread starts now. */
  constructor(private readonly scenarios: () => Map<string, ScenarioInfo>) {
    this.start();
  }

  replyToSession(scenario: ScenarioInfo, session: SessionStateJson, text: string, now: number): Promise<ReplyResult> {
    return this.call('replyToSession', scenario, session, [text, now]) as Promise<ReplyResult>;
  }

  endSession(
    scenario: ScenarioInfo,
    session: SessionStateJson,
    now: number,
    reason: SessionOutcome,
  ): Promise<{ session: SessionStateJson; output: TurnOutput; card: ScoreCard }> {
    return this.call('endSession', scenario, session, [now, reason]) as Promise<{
      session: SessionStateJson;
      output: TurnOutput;
      card: ScoreCard;
    }>;
  }

  scoreCard(scenario: ScenarioInfo, session: SessionStateJson): Promise<ScoreCard> {
    return this.call('scoreCard', scenario, session, []) as Promise<ScoreCard>;
  }

  /** The bot's scenarios were replaced (a reload): every later call works from the new ones. */
  scenariosChanged(): void {
    this.worker?.postMessage({ kind: 'scenarios', scenarios: [...this.scenarios()] } satisfies ThreadMessage);
  }

  /** The lexicon files were read again (a reload): the thread reads them before its next call. */
  rulesChanged(): void {
    this.worker?.postMessage({ kind: 'rules' } satisfies ThreadMessage);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failPending('the engine thread was closed');
    await worker?.terminate();
  }

  /**
   * Runs the call on the thread, naming the session when the thread kept it, else sending it; a
   * new session in the answer is rebuilt here from this side's copy of the call's session.
   */
  private async call(method: ThreadCall['method'], scenario: ScenarioInfo, session: SessionStateJson, args: unknown[]): Promise<unknown> {
    const key = this.kept.get(session);
    let answer = await this.post(method, scenario, key === undefined ? { session } : { kept: key }, args);
    if (answer.missing) answer = await this.post(method, scenario, { session }, args);
    if (!answer.delta) return answer.result;
    const next = applySessionDelta(session, answer.delta);
    if (answer.kept !== undefined) this.kept.set(next, answer.kept);
    return { ...(answer.result as object), session: next };
  }

  private post(method: ThreadCall['method'], scenario: ScenarioInfo, session: SessionRef, args: unknown[]): Promise<ThreadAnswer> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'call', id, method, scenarioId: scenario.id, session, args } satisfies ThreadMessage);
    });
  }

  private failPending(why: string): void {
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) p.reject(new Error(why));
  }

  private start(): Worker {
    const worker = new Worker(workerEntry());
    // The thread never keeps the process alive on its own: a server that closes exits.
    worker.unref();
    worker.on('message', (answer: ThreadAnswer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.error !== undefined) waiting.reject(new Error(answer.error));
      else waiting.resolve(answer);
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failPending(`the engine thread stopped: ${why}`);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = worker;
    // A new thread keeps nothing yet: every session goes whole once more.
    this.kept = new WeakMap();
    this.scenariosChanged();
    return worker;
  }
}
