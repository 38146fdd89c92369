// Learning-record statements waiting for the LRS, kept in the store beside the sessions so a
// restart never loses one: a statement leaves the outbox only when the LRS has taken it.
export interface OutboxItem {
  statementId: string;
  sessionId: string;
  /** The statement as JSON text. */
  statement: string;
  attempts: number;
  nextAttemptAt: number;
}

export interface LearningRecordOutbox {
  /** Idempotent on the statement id: queueing a session's statement twice keeps one. */
  enqueue(item: { statementId: string; sessionId: string; statement: string }, now: number): Promise<void>;
  /** Unsent statements whose next attempt is due, oldest first. */
  due(now: number, limit: number): Promise<OutboxItem[]>;
  /** The earliest next attempt among unsent statements (undefined when none waits). */
  nextDueAt(): Promise<number | undefined>;
  markSent(statementIds: string[], now: number): Promise<void>;
  markFailed(statementIds: string[], error: string, nextAttemptAt: (attempts: number) => number): Promise<void>;
  /** How many wait, for logs and tests. */
  pending(): Promise<number>;
}

export class MemoryOutbox implements LearningRecordOutbox {
  readonly items = new Map<string, OutboxItem & { sentAt?: number; lastError?: string; createdAt: number }>();

  async enqueue(item: { statementId: string; sessionId: string; statement: string }, now: number): Promise<void> {
    if (!this.items.has(item.statementId)) this.items.set(item.statementId, { ...item, attempts: 0, nextAttemptAt: now, createdAt: now });
  }

  private unsent() {
    return [...this.items.values()].filter((i) => i.sentAt === undefined);
  }

  async due(now: number, limit: number): Promise<OutboxItem[]> {
    return this.unsent()
      .filter((i) => i.nextAttemptAt <= now)
      .sort((a, b) => a.createdAt - b.createdAt)
      .slice(0, limit)
      .map(({ statementId, sessionId, statement, attempts, nextAttemptAt }) => ({
        statementId,
        sessionId,
        statement,
        attempts,
        nextAttemptAt,
      }));
  }

  async nextDueAt(): Promise<number | undefined> {
    const times = this.unsent().map((i) => i.nextAttemptAt);
    return times.length ? Math.min(...times) : undefined;
  }

  async markSent(statementIds: string[], now: number): Promise<void> {
    for (const id of statementIds) {
      const item = this.items.get(id);
      if (item) item.sentAt = now;
    }
  }

  async markFailed(statementIds: string[], error: string, nextAttemptAt: (attempts: number) => number): Promise<void> {
    for (const id of statementIds) {
      const item = this.items.get(id);
      if (!item) continue;
      item.attempts++;
      item.lastError = error;
      item.nextAttemptAt = nextAttemptAt(item.attempts);
    }
  }

  async pending(): Promise<number> {
    return this.unsent().length;
  }
}
