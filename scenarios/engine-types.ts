// The contract of the customer engine, as the CLI and the bot see it.
// A session is plain JSON: the bot stores it in conversation state between turns.
import type {
  ListeningActs,
  ReplyEvaluation,
  ReplyReading,
  RuleLocale,
  InputLocale,
  ScoreCard,
  SessionOutcome,
} from '../evaluators/index.ts';

export interface PacingOptions {
  /** Off: every part is due at once (tests, benchmarks, --no-pacing). */
  enabled: boolean;
  /** Pause before a part, per character of that part. */
  msPerChar: number;
  minPauseMs: number;
  maxPauseMs: number;
}

export const NO_PACING: PacingOptions = { enabled: false, msPerChar: 0, minPauseMs: 0, maxPauseMs: 0 };

export interface StartOptions {
  locale: InputLocale;
  /** Seed for the session's randomness (line variants); same seed, same session. */
  seed: number;
  /** Epoch milliseconds. */
  now: number;
  pacing?: PacingOptions;
  /** Practice shows coaching after each reply, exam shows nothing until the end. */
  mode?: 'practice' | 'exam';
}

/** One part of a customer line and when it is due, relative to the turn's `now`. */
export interface CustomerPart {
  text: string;
  /** Milliseconds after the turn's `now` at which this part is spoken. */
  atMs: number;
}

/** What the customer says in one turn: one or more parts spoken one after another. */
export interface CustomerLine {
  /** Why the customer says this (state line, reaction to jargon, to an interruption, an answer to a question, ending…). */
  kind: 'state' | 'reaction' | 'answer' | 'ending';
  /** Id of the state or reaction, for tests and logs. */
  ref: string;
  parts: CustomerPart[];
}

export interface TurnOutput {
  /** Customer lines in speaking order. */
  lines: CustomerLine[];
  /** Set when this turn ended the session. */
  ending?: { outcome: SessionOutcome; ref: string };
  /** Set when this turn resolved the case: the customer has said goodbye, the trainee may still close. */
  settled?: true;
}

export interface ReplyResult {
  session: SessionStateJson;
  output: TurnOutput;
  /** The evaluation of the trainee's reply (findings, detected, scores). */
  evaluation: ReplyEvaluation;
  /** How the reply heard the customer out: a fact question, a restatement, a check it was understood. */
  listening: ListeningActs;
  /** Whether the reply was only keywords or only a greeting (for the coach's note). */
  reading: ReplyReading;
  /** True when the reply cut the customer off (decided from timestamps). */
  interrupted: boolean;
  /** Whether the reply was clipped to the maximum length before scoring. */
  clipped: boolean;
  /** What the customer understood and why they reacted so (for `roleplay play --trace`); absent for an ended session. */
  understanding?: Understanding;
}

/** What the customer understood of one reply, and what it did. */
export interface Understanding {
  clauses: { text: string; act: string; acts: string[]; concepts: string[]; numbers: number[] }[];
  /** Intents recognised, with the pattern and the clause that matched. */
  intents: { id: string; pattern: number; clause: string }[];
  /**
   * The question the customer answered: a known fact, something they cannot know, small talk, or a restatement;
   * `also`: a second fact asked in a sentence of its own, answered after it.
   */
  question?: { kind: 'fact' | 'unknown' | 'irrelevant' | 'restated' | 'purpose'; fact?: string; also?: string };
  transition?: { from: string; to: string; why: string };
  /** Anger before and after the reply. */
  anger: [number, number];
  mood: 'calm' | 'annoyed' | 'furious';
  ending?: { outcome: SessionOutcome; cause: string };
}

/**
 * Opaque to callers, but JSON: the engine owns its fields. Callers may read
 * the ones listed here.
 */
export interface SessionStateJson {
  v: number;
  scenarioId: string;
  locale: RuleLocale;
  mode: 'practice' | 'exam';
  /** Trainee turns so far. */
  turns: number;
  /** 0–100, higher is angrier. */
  anger: number;
  /** Epoch ms at which the customer's last line finishes being spoken. */
  speakingUntil: number;
  ended?: { outcome: SessionOutcome; at: number };
  /**
   * Set when the case is resolved but the session is still open for the trainee's closing words:
   * the next reply ends it, resolved, or escalated when it turns on the customer.
   */
  settled?: { at: number };
  [engineOwned: string]: unknown;
}

export type { RuleLocale, ScoreCard };
