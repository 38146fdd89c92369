// The scenario file as trainers write it (scenarios/library/<id>.yaml), after validation.
import type {
  ConceptPattern,
  Dimension,
  KeyMoment,
  LocalizedList,
  LocalizedText,
  RuleLocale,
  ScenarioRules,
  SessionOutcome,
} from '../evaluators/index.ts';

export const LOCALES: RuleLocale[] = ['zh-CN', 'en'];

/** How angry the customer is, in three bands that pick the lines' tone. */
export type MoodBand = 'calm' | 'annoyed' | 'furious';

/** One way of saying a line: the parts are spoken one after another, so the trainee can cut in. */
export type LineVariant = Record<RuleLocale, string[]> & {
  /** Said in this mood band only while a variant for the band remains; untagged variants suit any band. */
  mood?: MoodBand;
};

export interface Fact {
  id: string;
  text: LocalizedText;
  /** A hard constraint: the trainee must not promise it away. */
  hard?: boolean;
  /** What the customer knows: questions that ask for this fact (patterns over concepts, inside one sentence by default)… */
  asks?: ConceptPattern[];
  /** … and how the customer answers them. */
  answers?: LineVariant[];
  /** Words naming this fact's value (宏达, Hongda): a question that names one asks about this fact. */
  values?: LocalizedList;
}

/** What a trainee reply can do: patterns over concepts and acts; any one pattern is enough. */
export interface Intent {
  id: string;
  patterns: ConceptPattern[];
  /** Replies that must be understood as this intent (checked by `roleplay validate`). */
  examples?: LocalizedList;
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
  /** None of these intents recognised (explaining the rules before any acknowledgement…). */
  unless?: string[];
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
  /** Said after repeated misses: what the customer is waiting for, in their own words. */
  waiting?: LineVariant[];
  /** The forbidden promise (evaluation.forbiddenPromises id) a bare yes to this state's question makes. */
  yesMeans?: string;
  /** A short coaching hint for the trainee in this state. */
  hint?: LocalizedText;
}

export type MoodEffect =
  | 'interrupting'
  | 'jargon'
  | 'promises'
  | 'empathy'
  | 'problemSolving'
  | 'rude'
  | 'insult'
  | 'threat'
  | 'nothing'
  | 'smalltalk'
  | 'addressedBySurname';

export interface Mood {
  start: number;
  /** At or above: the customer escalates (manager, walks out, complaint). */
  escalateAt: number;
  effects: Partial<Record<MoodEffect, number>>;
  /** Anger at which the lines turn annoyed, then furious (defaults 50 and 78). */
  bands?: { annoyed: number; furious: number };
}

export type ReactionKind =
  | 'interrupted'
  | 'jargon'
  | 'promise-recalled'
  | 'rude'
  | 'insulted'
  | 'threatened'
  | 'unknown'
  | 'irrelevant'
  | 'restated'
  /** Said on the way out, to words after the fix that neither close nor turn on the customer. */
  | 'leaving';

/** Why a session ended badly (soured: turned on the customer after the fix); an ending may word itself by cause. */
export type EndingCause = 'threatened' | 'insulted' | 'ignored' | 'jargon' | 'soured';

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
  endings: Record<SessionOutcome, { lines: LineVariant[]; causes?: Partial<Record<EndingCause, LineVariant[]>> }>;
  /** What a trainer looks for in this scenario; met or missed on the score card. */
  keyMoments?: KeyMoment[];
  evaluation: Omit<ScenarioRules, 'scenarioId'>;
  /** Source file, for messages. */
  file?: string;
}
