// The scenario file as trainers write it (scenarios/library/<id>.yaml), after validation.
import type { Dimension, KeyMoment, LocalizedText, RuleLocale, ScenarioRules, SessionOutcome } from '../evaluators/index.ts';

export const LOCALES: RuleLocale[] = ['zh-CN', 'en'];

/** One way of saying a line: the parts are spoken one after another, so the trainee can cut in. */
export type LineVariant = Record<RuleLocale, string[]>;

export interface Fact {
  id: string;
  text: LocalizedText;
  /** A hard constraint: the trainee must not promise it away. */
  hard?: boolean;
}

export interface Intent {
  id: string;
  keywords: Partial<Record<RuleLocale, string[]>>;
  examples: Partial<Record<RuleLocale, string[]>>;
}

/** Every condition given must hold for the transition to fire. */
export interface Transition {
  /** A state id, or `end:<outcome>`. */
  to: string;
  /** Any of these intents recognised in the reply. */
  intent?: string | string[];
  /** Evaluator outcomes the reply must show (e.g. empathy, problemSolving) … */
  shows?: Dimension[];
  /** … and must not show (e.g. jargon, promises, interrupting). */
  avoids?: Dimension[];
  angerAtLeast?: number;
  angerAtMost?: number;
}

export interface State {
  id: string;
  /** Said on entering the state. */
  lines: LineVariant[];
  /** Said when the reply moves nothing; defaults to `lines`. */
  again?: LineVariant[];
  transitions: Transition[];
  /** A short coaching hint for the trainee in this state. */
  hint?: LocalizedText;
}

export type MoodEffect = 'interrupting' | 'jargon' | 'promises' | 'empathy' | 'problemSolving' | 'rude' | 'nothing' | 'addressedBySurname';

export interface Mood {
  start: number;
  /** At or above: the customer escalates (manager, walks out, complaint). */
  escalateAt: number;
  effects: Partial<Record<MoodEffect, number>>;
}

export type ReactionKind = 'interrupted' | 'jargon' | 'promise-recalled' | 'rude';

export interface Scenario {
  id: string;
  title: LocalizedText;
  summary: LocalizedText;
  setting: LocalizedText;
  difficulty: 'easy' | 'medium' | 'hard';
  locales: RuleLocale[];
  persona: {
    name: LocalizedText;
    surname: LocalizedText;
    role: LocalizedText;
    temperament: LocalizedText;
    /** True when the trainee knows the surname from the start (a regular, an ID card shown…). */
    surnameKnown?: boolean;
  };
  /** Shown to the trainee before the customer speaks. */
  briefing?: { role: LocalizedText; situation: LocalizedText; goal: LocalizedText };
  facts: Fact[];
  mood: Mood;
  turnLimit: number;
  intents: Intent[];
  reactions: Partial<Record<ReactionKind, LineVariant[]>>;
  start: string;
  states: State[];
  endings: Record<SessionOutcome, { lines: LineVariant[] }>;
  /** What a trainer looks for in this scenario; met or missed on the score card. */
  keyMoments?: KeyMoment[];
  evaluation: Omit<ScenarioRules, 'scenarioId'>;
  /** Source file, for messages. */
  file?: string;
}
