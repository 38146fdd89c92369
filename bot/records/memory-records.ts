import type { Dispute, HistoryEntry, SessionEnd, SessionStart, TrainingRecords, TurnRecord } from './types.ts';

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
    this.disputes.push(dispute);
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
