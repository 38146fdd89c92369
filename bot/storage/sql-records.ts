// TrainingRecords over either database. Every write is an upsert on its natural key,
// so a turn retried after a conflict or a crash is recorded once.
import type { ScoreCard } from '../../evaluators/index.ts';
import type {
  Dispute,
  DisputeDecision,
  DisputeKey,
  HistoryEntry,
  SessionEnd,
  SessionFilter,
  SessionStart,
  SessionSummary,
  StoredDispute,
  TrainingRecords,
  TurnRecord,
} from '../records/types.ts';
import type { SqlDb } from './sql.ts';
import { traineeMatches } from '../records/trainee-match.ts';

type Row = Record<string, unknown>;

export class SqlRecords implements TrainingRecords {
  constructor(private readonly db: SqlDb) {}

  async sessionStarted(start: SessionStart): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO trainees (id, name, channel, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, trainees.name), last_seen = excluded.last_seen`,
        [start.trainee.id, start.trainee.name ?? null, start.trainee.channel, start.startedAt, start.startedAt],
      );
      await tx.run(
        `INSERT INTO sessions (session_id, trainee_id, conversation_id, scenario_id, locale, mode, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id) DO NOTHING`,
        [start.sessionId, start.trainee.id, start.conversationId, start.scenarioId, start.locale, start.mode, start.startedAt],
      );
    });
  }

  async turnRecorded(turn: TurnRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO turns (session_id, turn, customer, reply, customer_at, customer_until, reply_at, interrupted, evaluation, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, turn) DO UPDATE SET customer = excluded.customer, reply = excluded.reply, customer_at = excluded.customer_at,
         customer_until = excluded.customer_until, reply_at = excluded.reply_at, interrupted = excluded.interrupted, evaluation = excluded.evaluation, answer = excluded.answer`,
      [
        turn.sessionId,
        turn.turn,
        turn.customer,
        turn.reply,
        turn.customerAt,
        turn.customerUntil,
        turn.replyAt,
        turn.interrupted ? 1 : 0,
        JSON.stringify(turn.evaluation),
        turn.answer,
      ],
    );
  }

  async sessionEnded(end: SessionEnd): Promise<void> {
    await this.db.run(`UPDATE sessions SET ended_at = ?, outcome = ?, overall = ?, report = ? WHERE session_id = ?`, [
      end.endedAt,
      end.outcome,
      end.report.overall,
      JSON.stringify(end.report),
      end.sessionId,
    ]);
  }

  async addDispute(dispute: Dispute): Promise<void> {
    const f = dispute.finding;
    await this.db.run(
      `INSERT INTO disputes (session_id, turn, trainee_id, evaluator, rule, span_start, span_end, text, comment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, turn, evaluator, rule, span_start, span_end) DO UPDATE SET comment = COALESCE(excluded.comment, disputes.comment)`,
      [
        dispute.sessionId,
        dispute.turn,
        dispute.traineeId,
        f.evaluator,
        f.rule,
        f.span[0],
        f.span[1],
        f.text,
        dispute.comment ?? null,
        dispute.createdAt,
      ],
    );
  }

  async history(traineeId: string, limit = 20): Promise<HistoryEntry[]> {
    const sessions = await this.listSessions({ traineeId, limit });
    return sessions.map(({ sessionId, scenarioId, startedAt, endedAt, outcome, overall, dimensions }) => ({
      sessionId,
      scenarioId,
      startedAt,
      endedAt,
      outcome,
      overall,
      dimensions,
    }));
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter.traineeId) add('s.trainee_id = ?', filter.traineeId);
    if (filter.scenarioId) add('s.scenario_id = ?', filter.scenarioId);
    if (filter.since !== undefined) add('s.started_at >= ?', filter.since);
    const limit = Math.max(1, Math.min(filter.limit ?? 1000, 100000));
    const rows = await this.db.all<Row>(
      `SELECT s.*, t.name AS trainee_name, t.channel AS channel, (SELECT COUNT(*) FROM turns u WHERE u.session_id = s.session_id) AS turn_count
       FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.started_at DESC, s.session_id${filter.trainee ? '' : ` LIMIT ${limit}`}`,
      params,
    );
    // A name filter is matched here, by the one function the in-memory records use too.
    const summaries = rows.map(toSummary);
    return filter.trainee
      ? summaries.filter((s) => traineeMatches(filter.trainee, { id: s.traineeId, name: s.traineeName })).slice(0, limit)
      : summaries;
  }

  async session(sessionId: string): Promise<SessionSummary | undefined> {
    const rows = await this.db.all<Row>(
      `SELECT s.*, t.name AS trainee_name, t.channel AS channel, (SELECT COUNT(*) FROM turns u WHERE u.session_id = s.session_id) AS turn_count
       FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id WHERE s.session_id = ?`,
      [sessionId],
    );
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async sessionTurns(sessionId: string): Promise<TurnRecord[]> {
    const rows = await this.db.all<Row>(`SELECT * FROM turns WHERE session_id = ? ORDER BY turn`, [sessionId]);
    return rows.map((r) => ({
      sessionId: String(r.session_id),
      turn: Number(r.turn),
      customer: String(r.customer),
      reply: String(r.reply),
      customerAt: Number(r.customer_at),
      customerUntil: Number(r.customer_until),
      replyAt: Number(r.reply_at),
      interrupted: Number(r.interrupted) === 1,
      evaluation: JSON.parse(String(r.evaluation)) as TurnRecord['evaluation'],
      answer: String(r.answer),
    }));
  }

  async listDisputes(options: { all?: boolean } = {}): Promise<StoredDispute[]> {
    const rows = await this.db.all<Row>(
      `SELECT * FROM disputes ${options.all ? '' : `WHERE status = 'open'`} ORDER BY created_at DESC, session_id, turn`,
    );
    return rows.map((r) => ({
      sessionId: String(r.session_id),
      turn: Number(r.turn),
      traineeId: String(r.trainee_id),
      finding: {
        evaluator: String(r.evaluator) as Dispute['finding']['evaluator'],
        rule: String(r.rule),
        span: [Number(r.span_start), Number(r.span_end)],
        text: String(r.text),
      },
      ...(r.comment === null || r.comment === undefined ? {} : { comment: String(r.comment) }),
      createdAt: Number(r.created_at),
      status: r.status === 'accepted' || r.status === 'rejected' ? r.status : r.status === 'open' ? 'open' : 'accepted',
      ...(r.reason === null || r.reason === undefined ? {} : { reason: String(r.reason) }),
      ...(r.resolved_at === null || r.resolved_at === undefined ? {} : { resolvedAt: Number(r.resolved_at) }),
    }));
  }

  async resolveDispute(key: DisputeKey, decision: DisputeDecision): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE disputes SET status = ?, reason = ?, resolved_at = ?
       WHERE session_id = ? AND turn = ? AND evaluator = ? AND rule = ? AND span_start = ? AND span_end = ? AND status = 'open'`,
      [decision.status, decision.reason ?? null, decision.at, key.sessionId, key.turn, key.evaluator, key.rule, key.span[0], key.span[1]],
    );
    return changed > 0;
  }
}

function toSummary(r: Row): SessionSummary {
  const report = typeof r.report === 'string' ? (JSON.parse(r.report) as ScoreCard) : undefined;
  return {
    sessionId: String(r.session_id),
    scenarioId: String(r.scenario_id),
    traineeId: String(r.trainee_id),
    ...(r.trainee_name ? { traineeName: String(r.trainee_name) } : {}),
    ...(r.channel ? { channel: String(r.channel) } : {}),
    conversationId: String(r.conversation_id),
    locale: String(r.locale),
    mode: r.mode === 'exam' ? 'exam' : 'practice',
    startedAt: Number(r.started_at),
    ...(r.ended_at === null || r.ended_at === undefined ? {} : { endedAt: Number(r.ended_at) }),
    ...(r.outcome ? { outcome: String(r.outcome) as SessionSummary['outcome'] } : {}),
    ...(r.overall === null || r.overall === undefined ? {} : { overall: Number(r.overall) }),
    ...(report ? { dimensions: report.dimensions, report } : {}),
    turns: Number(r.turn_count ?? 0),
  };
}
