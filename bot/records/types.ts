// The product's own records, beside the bot state: trainees, sessions, every
// turn, reports and disputes. The bot calls these; the storage layer implements them.
import type { Finding, ReplyEvaluation, ScoreCard, SessionOutcome } from '../../evaluators/index.ts';

export interface TraineeRef {
  /** Stable id: the channel's user id (Teams AAD object id, web chat's stored id). */
  id: string;
  name?: string;
  channel: string;
}

export interface SessionStart {
  sessionId: string;
  trainee: TraineeRef;
  conversationId: string;
  scenarioId: string;
  locale: string;
  mode: 'practice' | 'exam';
  startedAt: number;
}

export interface TurnRecord {
  sessionId: string;
  turn: number;
  /** The customer's line(s) the reply answered. */
  customer: string;
  reply: string;
  /** When the customer started and finished speaking, and when the reply arrived (epoch ms). */
  customerAt: number;
  customerUntil: number;
  replyAt: number;
  interrupted: boolean;
  evaluation: ReplyEvaluation;
  /** The customer's answer to this reply. */
  answer: string;
}

export interface SessionEnd {
  sessionId: string;
  outcome: SessionOutcome;
  endedAt: number;
  report: ScoreCard;
}

export interface Dispute {
  sessionId: string;
  turn: number;
  traineeId: string;
  finding: Pick<Finding, 'evaluator' | 'rule' | 'span' | 'text'>;
  comment?: string;
  createdAt: number;
}

export interface HistoryEntry {
  sessionId: string;
  scenarioId: string;
  startedAt: number;
  endedAt?: number;
  outcome?: SessionOutcome;
  overall?: number;
  dimensions?: ScoreCard['dimensions'];
}

/**
 * Every write is idempotent on its natural key (sessionId, or sessionId+turn),
 * so a retried turn never records twice.
 */
export interface TrainingRecords {
  sessionStarted(start: SessionStart): Promise<void>;
  turnRecorded(turn: TurnRecord): Promise<void>;
  sessionEnded(end: SessionEnd): Promise<void>;
  addDispute(dispute: Dispute): Promise<void>;
  /** The trainee's sessions, newest first. */
  history(traineeId: string, limit?: number): Promise<HistoryEntry[]>;
  /** Trainer side and `roleplay report`: sessions matching the filter, newest first. */
  listSessions?(filter?: SessionFilter): Promise<SessionSummary[]>;
  /** One session as listSessions gives it; undefined when there is none. */
  session?(sessionId: string): Promise<SessionSummary | undefined>;
  /** A session's turns, in order. */
  sessionTurns?(sessionId: string): Promise<TurnRecord[]>;
  /** Disputes, newest first (open ones only unless `all`). */
  listDisputes?(options?: { all?: boolean }): Promise<StoredDispute[]>;
  /** A trainer's decision on an open dispute; false when there is no such open dispute. */
  resolveDispute?(key: DisputeKey, decision: DisputeDecision): Promise<boolean>;
}

/** A dispute's natural key: the finding of that turn it names. */
export interface DisputeKey {
  sessionId: string;
  turn: number;
  evaluator: string;
  rule: string;
  span: [number, number];
}

export interface DisputeDecision {
  /** Accepted: the finding was wrong and the case goes to the corpus. Rejected: the finding stands, for the reason given. */
  status: 'accepted' | 'rejected';
  reason?: string;
  at: number;
}

export interface SessionFilter {
  traineeId?: string;
  /** A trainee's id or display name, as a trainer types it into the dashboard (never used for a trainee's own history). */
  trainee?: string;
  scenarioId?: string;
  /** Sessions started at or after this time (epoch ms). */
  since?: number;
  limit?: number;
}

export interface SessionSummary extends HistoryEntry {
  traineeId: string;
  traineeName?: string;
  channel?: string;
  conversationId: string;
  locale: string;
  mode: 'practice' | 'exam';
  /** Number of recorded turns. */
  turns: number;
  report?: ScoreCard;
}

export interface StoredDispute extends Dispute {
  status: 'open' | 'accepted' | 'rejected';
  /** Why a trainer rejected it. */
  reason?: string;
  resolvedAt?: number;
}

export function sameDispute(d: Pick<Dispute, 'sessionId' | 'turn' | 'finding'>, key: DisputeKey): boolean {
  return (
    d.sessionId === key.sessionId &&
    d.turn === key.turn &&
    d.finding.evaluator === key.evaluator &&
    d.finding.rule === key.rule &&
    d.finding.span[0] === key.span[0] &&
    d.finding.span[1] === key.span[1]
  );
}
