// Sends the outbox's statements to the learning record store (XAPI_ENDPOINT, Basic auth).
// Each statement is PUT under its own id, so a retry after a lost answer cannot store it
// twice. A failure leaves it in the outbox for a later attempt, further apart each time;
// nothing is ever dropped, and what waits at a restart is sent after it.
import type { Logger } from '../host/app-context.ts';
import type { LearningRecordOutbox } from './outbox.ts';
import { isFinished, sessionStatement, XAPI_VERSION, type StatementOptions } from './xapi-statement.ts';
import type { SessionEnd, TrainingRecords } from './types.ts';

export interface XapiTarget {
  /** The LRS's xAPI base, ending in '/': statements go to <endpoint>statements. */
  endpoint: string;
  username: string;
  password: string;
}

export interface SenderOptions {
  now?: () => number;
  /** Delay before attempt n+1 after n failures. */
  backoff?: (attempts: number) => number;
  /** Statements per round. */
  batch?: number;
  /** How long one request may take. */
  timeoutMs?: number;
}

const MINUTE = 60_000;

/** 1 s, 2 s, 4 s … doubling, at most 15 minutes apart. */
export function defaultBackoff(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 15 * MINUTE);
}

export class XapiSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly now: () => number;
  private readonly backoff: (attempts: number) => number;

  constructor(
    private readonly outbox: LearningRecordOutbox,
    private readonly target: XapiTarget,
    private readonly logger: Logger,
    private readonly options: SenderOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.backoff = options.backoff ?? defaultBackoff;
  }

  /** Sends what is due now, then waits for the next due statement. */
  start(): void {
    this.kick();
  }

  /** A statement was queued (or the LRS may be back): send now, after any round in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.round()
      .catch((error: unknown) => this.logger.error('xapi.round_failed', { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        } else void this.schedule();
      });
  }

  /** Resolves when the round in progress (if any) is over; tests and shutdown wait on it. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  private async schedule(): Promise<void> {
    if (this.stopped) return;
    const next = await this.outbox.nextDueAt().catch(() => undefined);
    if (next === undefined || this.stopped || this.running) return;
    const delay = Math.max(0, next - this.now());
    this.timer = setTimeout(() => this.kick(), Math.min(delay, 2 ** 31 - 1));
    // A waiting retry must not keep a finished process alive.
    this.timer.unref?.();
  }

  private async round(): Promise<void> {
    const items = await this.outbox.due(this.now(), this.options.batch ?? 50);
    for (const [index, item] of items.entries()) {
      if (this.stopped) return;
      const outcome = await this.put(item.statementId, item.statement);
      if (outcome.ok) {
        await this.outbox.markSent([item.statementId], this.now());
        if (outcome.note) this.logger.warn('xapi.already_stored', { statement: item.statementId, note: outcome.note });
        continue;
      }
      // The LRS is down or refusing: this one and the rest of the round wait, further apart each time.
      const at = this.now();
      const waiting = items.slice(index).map((i) => i.statementId);
      await this.outbox.markFailed(waiting, outcome.error, (attempts) => at + this.backoff(attempts));
      this.logger.warn('xapi.send_failed', { statements: waiting.length, attempts: item.attempts + 1, error: outcome.error });
      return;
    }
  }

  private async put(id: string, statement: string): Promise<{ ok: true; note?: string } | { ok: false; error: string }> {
    const url = `${this.target.endpoint}statements?statementId=${encodeURIComponent(id)}`;
    try {
      const res = await fetch(url, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          'X-Experience-API-Version': XAPI_VERSION,
          Authorization: `Basic ${Buffer.from(`${this.target.username}:${this.target.password}`).toString('base64')}`,
        },
        body: statement,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 204 || res.status === 200) return { ok: true };
      // 409: a statement with this id is already stored; it is ours, sent before an answer was lost.
      if (res.status === 409) return { ok: true, note: 'the LRS already has a statement with this id' };
      return { ok: false, error: `HTTP ${res.status}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}

/**
 * The records the bot writes to, with one addition: a session that ends queues its statement
 * in the outbox (in the same store) and wakes the sender.
 */
export function withLearningRecords(
  records: TrainingRecords,
  outbox: LearningRecordOutbox,
  options: StatementOptions & { onQueued: () => void; logger: Logger; now?: () => number },
): TrainingRecords {
  const sessionEnded = async (end: SessionEnd): Promise<void> => {
    await records.sessionEnded(end);
    try {
      const session = await records.session?.(end.sessionId);
      if (!session || !isFinished(session)) return;
      const statement = sessionStatement(session, options);
      await outbox.enqueue(
        { statementId: statement.id, sessionId: session.sessionId, statement: JSON.stringify(statement) },
        (options.now ?? Date.now)(),
      );
      options.onQueued();
    } catch (error) {
      options.logger.error('xapi.enqueue_failed', {
        session: end.sessionId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  return new Proxy(records, {
    get(target, prop) {
      if (prop === 'sessionEnded') return sessionEnded;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
