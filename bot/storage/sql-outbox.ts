// The learning-record outbox in either database (table xapi_outbox, migration 2).
import type { LearningRecordOutbox, OutboxItem } from '../records/outbox.ts';
import type { SqlDb } from './sql.ts';

type Row = Record<string, unknown>;

export class SqlOutbox implements LearningRecordOutbox {
  constructor(private readonly db: SqlDb) {}

  async enqueue(item: { statementId: string; sessionId: string; statement: string }, now: number): Promise<void> {
    await this.db.run(
      `INSERT INTO xapi_outbox (statement_id, session_id, statement, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, 0, ?)
       ON CONFLICT (statement_id) DO NOTHING`,
      [item.statementId, item.sessionId, item.statement, now, now],
    );
  }

  async due(now: number, limit: number): Promise<OutboxItem[]> {
    const rows = await this.db.all<Row>(
      `SELECT statement_id, session_id, statement, attempts, next_attempt_at FROM xapi_outbox
       WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, statement_id LIMIT ${Math.max(1, Math.min(limit, 1000))}`,
      [now],
    );
    return rows.map((r) => ({
      statementId: String(r.statement_id),
      sessionId: String(r.session_id),
      statement: String(r.statement),
      attempts: Number(r.attempts),
      nextAttemptAt: Number(r.next_attempt_at),
    }));
  }

  async nextDueAt(): Promise<number | undefined> {
    const rows = await this.db.all<{ t: number | string | null }>(
      `SELECT MIN(next_attempt_at) AS t FROM xapi_outbox WHERE sent_at IS NULL`,
    );
    const t = rows[0]?.t;
    return t === null || t === undefined ? undefined : Number(t);
  }

  async markSent(statementIds: string[], now: number): Promise<void> {
    for (const id of statementIds)
      await this.db.run(`UPDATE xapi_outbox SET sent_at = ?, last_error = NULL WHERE statement_id = ?`, [now, id]);
  }

  async markFailed(statementIds: string[], error: string, nextAttemptAt: (attempts: number) => number): Promise<void> {
    for (const id of statementIds) {
      const rows = await this.db.all<{ attempts: number | string }>(`SELECT attempts FROM xapi_outbox WHERE statement_id = ?`, [id]);
      const attempts = Number(rows[0]?.attempts ?? 0) + 1;
      await this.db.run(`UPDATE xapi_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE statement_id = ?`, [
        attempts,
        nextAttemptAt(attempts),
        error.slice(0, 500),
        id,
      ]);
    }
  }

  async pending(): Promise<number> {
    const rows = await this.db.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM xapi_outbox WHERE sent_at IS NULL`);
    return Number(rows[0]?.n ?? 0);
  }
}
