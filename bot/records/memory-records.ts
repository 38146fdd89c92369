import type {
  Dispute,
  HistoryEntry,
  SessionEnd,
  SessionFilter,
  SessionStart,
  SessionSummary,
  StoredDispute,
  TrainingRecords,
  TurnRecord,
} from './types.ts';

/** In-memory records for tests and for running without a database. */
export class MemoryRecords implements TrainingRecords {
  readonly sessions = new Map<string, SessionStart & Partial<SessionEnd>>();
  readonly turns = new Map<string, TurnRecord>();
  readonly disputes: Dispute[] = [];

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
    const same = (d: Dispute) =>
      d.sessionId === dispute.sessionId &&
      d.turn === dispute.turn &&
      d.finding.evaluator === dispute.finding.evaluator &&
      d.finding.rule === dispute.finding.rule &&
      d.finding.span[0] === dispute.finding.span[0] &&
      d.finding.span[1] === dispute.finding.span[1];
    if (!this.disputes.some(same)) this.disputes.push(dispute);
  }

  async listSessions(filter: SessionFilter = {}): Promise<SessionSummary[]> {
    return [...this.sessions.values()]
      .filter(
        (s) =>
          (!filter.traineeId || s.trainee.id === filter.traineeId) &&
          (!filter.trainee || s.trainee.id === filter.trainee || s.trainee.name === filter.trainee) &&
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

  async sessionTurns(sessionId: string): Promise<TurnRecord[]> {
    return [...this.turns.values()].filter((t) => t.sessionId === sessionId).sort((a, b) => a.turn - b.turn);
  }

  async listDisputes(options: { all?: boolean } = {}): Promise<StoredDispute[]> {
    void options; // every in-memory dispute is open
    return [...this.disputes].sort((a, b) => b.createdAt - a.createdAt).map((d) => ({ ...d, status: 'open' as const }));
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
