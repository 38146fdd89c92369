import {
  sameDispute,
  type Dispute,
  type DisputeDecision,
  type DisputeKey,
  type HistoryEntry,
  type SessionEnd,
  type SessionFilter,
  type SessionStart,
  type SessionSummary,
  type StoredDispute,
  type TrainingRecords,
  type TurnRecord,
} from './types.ts';
import { traineeMatches } from './trainee-match.ts';

/** In-memory records for tests and for running without a database. */
export class MemoryRecords implements TrainingRecords {
  readonly sessions = new Map<string, SessionStart & Partial<SessionEnd>>();
  readonly turns = new Map<string, TurnRecord>();
  readonly disputes: StoredDispute[] = [];

  async sessionStarted(start: SessionStart): Promise<void> {
    if (!this.sessions.has(start.sessionId)) this.sessions.set(start.sessionId, { ...start });
  }

  async turnRecorded(turn: TurnRecord): Promise<void> {
    this.turns.set(`${turn.sessionId}#${turn.turn}`, turn);
  }

  async sessionEnded(end: SessionEnd): Promise<void> {
    const session = this.sessions.get(end.sessionId);
    if (session) Object.assign(session, end);
  }

  async addDispute(dispute: Dispute): Promise<void> {
    const key = { sessionId: dispute.sessionId, turn: dispute.turn, ...dispute.finding };
    if (!this.disputes.some((d) => sameDispute(d, key))) this.disputes.push({ ...dispute, status: 'open' });
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    return [...this.sessions.values()]
      .filter(
        (s) =>
          (!filter.traineeId || s.trainee.id === filter.traineeId) &&
          traineeMatches(filter.trainee, s.trainee) &&
          (!filter.scenarioId || s.scenarioId === filter.scenarioId) &&
          (filter.since === undefined || s.startedAt >= filter.since),
      )
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, filter.limit ?? 1000)
      .map((s) => ({
        sessionId: s.sessionId,
        scenarioId: s.scenarioId,
        traineeId: s.trainee.id,
        traineeName: s.trainee.name,
        channel: s.trainee.channel,
        conversationId: s.conversationId,
        locale: s.locale,
        mode: s.mode,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        outcome: s.outcome,
        overall: s.report?.overall,
        dimensions: s.report?.dimensions,
        report: s.report,
        turns: [...this.turns.values()].filter((t) => t.sessionId === s.sessionId).length,
      }));
  }

  async session(sessionId: string): Promise<SessionSummary | undefined> {
    return (await this.listSessions({ limit: Number.MAX_SAFE_INTEGER })).find((s) => s.sessionId === sessionId);
  }

  async sessionTurns(sessionId: string): Promise<TurnRecord[]> {
    return [...this.turns.values()].filter((t) => t.sessionId === sessionId).sort((a, b) => a.turn - b.turn);
  }

  async listDisputes(options: { all?: boolean } = {}): Promise<StoredDispute[]> {
    return this.disputes
      .filter((d) => options.all || d.status === 'open')
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((d) => ({ ...d }));
  }

  async resolveDispute(key: DisputeKey, decision: DisputeDecision): Promise<boolean> {
    const dispute = this.disputes.find((d) => d.status === 'open' && sameDispute(d, key));
    if (!dispute) return false;
    Object.assign(dispute, { status: decision.status, resolvedAt: decision.at }, decision.reason ? { reason: decision.reason } : {});
    return true;
  }

  async history(traineeId: string, limit = 20): Promise<HistoryEntry[]> {
    return [...this.sessions.values()]
      .filter((s) => s.trainee.id === traineeId)
      .sort((a, b) => b.startedAt - a.startedAt)
      .slice(0, limit)
      .map((s) => ({
        sessionId: s.sessionId,
        scenarioId: s.scenarioId,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        outcome: s.outcome,
        overall: s.report?.overall,
        dimensions: s.report?.dimensions,
      }));
  }
}
