// The session's record of each trainee turn: enough for the score card and the
// evaluators' history, small enough to store with the session. Sessions written
// in format v1 kept the same facts under one-letter keys and in tuples; they are
// read into the named shape here, so a conversation stored before an upgrade
// continues and ends with its full score card.
import type { Dimension, ListeningActs, ReplyReading } from '../evaluators/index.ts';

/** The listening acts a turn can show, in the order the log lists them. */
export const LISTENING_ACTS = ['question', 'restate', 'confirm'] as const satisfies readonly (keyof ListeningActs)[];

/** What kind of reply a turn was (ReplyReading), in the order the log lists the marks that hold. */
export const READING_MARKS = ['keywordList', 'greetingOnly', 'onlyAsks', 'refuses'] as const satisfies readonly (keyof ReplyReading)[];

/** A bad finding on one of the five dimensions, with the words quoted from the reply. */
export interface LoggedFinding {
  evaluator: string;
  rule: string;
  text: string;
  message: string;
  /** Empty when the evaluator gave none. */
  suggestion: string;
}

/** An extra check (addressing, wording, provocation…) seen in the reply. */
export interface LoggedCheck {
  check: string;
  good: boolean;
}

/** A credited finding (empathy, problem solving) with the clause of the reply that holds it. */
export interface LoggedCredit {
  evaluator: string;
  rule: string;
  text: string;
}

export interface TurnSummary {
  /** What the customer had said when the trainee replied (only the heard part, when interrupted). */
  customer: string;
  reply: string;
  scores: Record<Dimension, number>;
  applicable: Dimension[];
  detected: Dimension[];
  checks: LoggedCheck[];
  /** Up to four bad findings on the five dimensions or provoking words. */
  findings: LoggedFinding[];
  /** Up to four credited findings; absent when none and in format v1 turns. */
  credited?: LoggedCredit[];
  /** The state the reply answered and the intents recognised in it (for the key moments). */
  state?: string;
  intents?: string[];
  /** How the reply heard the customer out (the acts it showed); absent in turns logged before it was kept. */
  listening?: (keyof ListeningActs)[];
  /** What kind of reply it was (the marks that hold), so the score card need not read it again; absent in turns logged before it was kept. */
  reading?: (keyof ReplyReading)[];
  interrupted: boolean;
}

/** One turn as format v1 stored it. */
interface TurnSummaryV1 {
  c: string;
  r: string;
  s: Record<Dimension, number>;
  a: Dimension[];
  d: Dimension[];
  x?: [string, boolean][];
  f?: unknown;
  i: boolean;
}

function isV1(entry: object): entry is TurnSummaryV1 {
  return 'r' in entry && !('reply' in entry);
}

function upgrade(old: TurnSummaryV1): TurnSummary {
  const findings: LoggedFinding[] = [];
  // A v1 turn whose findings are not a list of tuples has none to show.
  for (const f of Array.isArray(old.f) ? (old.f as unknown[]) : []) {
    if (!Array.isArray(f) || f.length < 5) continue;
    const [evaluator, rule, text, message, suggestion] = (f as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
    findings.push({ evaluator: evaluator!, rule: rule!, text: text!, message: message!, suggestion: suggestion! });
  }
  return {
    customer: old.c,
    reply: old.r,
    scores: old.s,
    applicable: old.a ?? [],
    detected: old.d ?? [],
    checks: (old.x ?? []).map(([check, good]) => ({ check, good })),
    findings,
    interrupted: old.i === true,
  };
}

/** The turn log of a stored session, in the current shape whichever format wrote it. */
export function readTurnLog(log: unknown): TurnSummary[] {
  if (!Array.isArray(log)) return [];
  return log
    .filter((entry): entry is object => typeof entry === 'object' && entry !== null)
    .map((entry) => (isV1(entry) ? upgrade(entry) : (entry as TurnSummary)));
}
