// The contract between the evaluators, the scenario engine, the CLI and the bot.
// Everything here is plain data: JSON-serialisable, no classes, no I/O.
import type { ReplyAnalysis } from './analysis/analyse.ts';

/** Locales whose rules exist. Traditional Chinese input is scored with zh-CN rules. */
export type RuleLocale = 'zh-CN' | 'en';
/** Locales a caller may name for a reply. */
export type InputLocale = RuleLocale | 'zh-TW';

/** The five scored dimensions, in report order. */
export const DIMENSIONS = ['interrupting', 'empathy', 'jargon', 'promises', 'problemSolving'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Extra findings that feed the score card but are not one of the five flags. */
export const EXTRA_CHECKS = ['addressing', 'positiveWording', 'requestWording', 'provocative'] as const;
export type ExtraCheck = (typeof EXTRA_CHECKS)[number];

export type EvaluatorId = Dimension | ExtraCheck;

/** Localised text: every user-facing string exists in zh-CN and en. */
export type LocalizedText = Record<RuleLocale, string>;
export type LocalizedList = Partial<Record<RuleLocale, string[]>>;

export interface Turn {
  role: 'customer' | 'trainee';
  text: string;
}

/**
 * Per-scenario evaluator settings, written by trainers inside a scenario file
 * (`evaluation:` block) and passed to every check.
 */
export interface ScenarioRules {
  scenarioId: string;
  /** Words/phrases that count as concrete solution steps in this scenario. */
  solutionTerms?: LocalizedList;
  /** Promises the scenario's facts rule out; each names the fact that rules it out. */
  forbiddenPromises?: ForbiddenPromise[];
  /** Extra jargon for this scenario, with the plain-language replacement. */
  extraJargon?: ScenarioJargon[];
  /** Relative weights of the dimensions in the overall score (default 1 each). */
  weights?: Partial<Record<Dimension, number>>;
}

export interface ForbiddenPromise {
  id: string;
  /** The id of the scenario fact that rules this promise out. */
  fact: string;
  /** Phrases (plain substrings, or `re:` + a safe regular expression) per locale. */
  patterns: LocalizedList;
  note: LocalizedText;
  suggestion: LocalizedText;
}

export interface ScenarioJargon {
  term: string;
  locale: RuleLocale;
  plain: string;
  note?: string;
}

/** What an evaluator is told besides the reply itself. */
export interface ReplyContext {
  /** Locale of the reply as given; zh-TW is converted to simplified before rules apply. */
  locale: InputLocale;
  /** The customer's last utterance (what the reply answers). */
  customer?: string;
  /** Earlier turns, oldest first. */
  history?: Turn[];
  /** True when the reply arrived while the customer was still speaking. */
  interrupted?: boolean;
  /** The customer's surname, once the trainee could know it. */
  customerSurname?: string;
  /** The scenario's rule settings, when the reply belongs to a scenario. */
  scenario?: ScenarioRules;
  /** The reply's analysis when the caller made it already (the engine does): not made twice. */
  analysis?: ReplyAnalysis;
  /** The id of the forbidden promise a bare yes makes: the customer just asked that yes/no question. */
  yesMeans?: string;
}

export type Polarity = 'bad' | 'good';

export interface Finding {
  evaluator: EvaluatorId;
  /** Rule / message id within the evaluator, e.g. "flat-denial". */
  rule: string;
  /** [start, end) in UTF-16 code units of the ORIGINAL reply (before conversion). */
  span: [number, number];
  /** The exact words of the original reply inside `span`. */
  text: string;
  /** Whether this finding credits or debits the trainee. */
  polarity: Polarity;
  /** Plain-words explanation in the rules locale. */
  message: string;
  /** A better phrasing (for bad findings) or why it was good. */
  suggestion?: string;
}

export type Detected = Record<Dimension, boolean>;
export type Scores = Record<Dimension, number>;

/** The result for one reply; the batch format's `detected`/`scores`/`findings`. */
export interface ReplyEvaluation {
  detected: Detected;
  /** 0–100 per dimension, 100 best. */
  scores: Scores;
  /** Whether each dimension applies to this reply (empathy is N/A when the customer showed no emotion). */
  applicable: Record<Dimension, boolean>;
  findings: Finding[];
}

/** The function the scenario engine and the bot call for every trainee reply. */
export type ReplyEvaluator = (reply: string, context: ReplyContext) => ReplyEvaluation;

/** What a reply does to hear the customer out: questions that gather facts, restating, confirming. */
export interface ListeningActs {
  question: boolean;
  restate: boolean;
  confirm: boolean;
}

/** What the reply was, as a whole, read once in the turn: the coach's note needs it, not the words again. */
export interface ReplyReading {
  /** Bare keywords, not something said to the customer ("Receipt, till, count."). */
  keywordList: boolean;
  /** Only a greeting or an offer of help, nothing about the case. */
  greetingOnly: boolean;
  /** Only asks or plays back: nothing offered, stated or acknowledged. */
  onlyAsks: boolean;
  /** Refuses something the customer wants. */
  refuses: boolean;
}

/** One scored trainee turn, as the session report needs it. */
export interface ScoredTurn {
  turn: number;
  /** The customer line the reply answered. */
  customer: string;
  reply: string;
  evaluation: ReplyEvaluation;
  /** The scenario state the reply answered and the intents recognised in it (key moments read them). */
  state?: string;
  intents?: string[];
  listening?: ListeningActs;
  /** What kind of reply it was, read when the turn was played; absent, the card reads the reply again. */
  reading?: ReplyReading;
}

/** What a key moment's reply must do; every condition given must hold in the same reply. */
export interface KeyMomentCondition {
  /** The scenario state(s) the reply answered. */
  state?: string[];
  /** Any of these scenario intents recognised in the reply. */
  intent?: string[];
  /** Any of these words in the reply, per locale. */
  words?: LocalizedList;
  /** Dimensions the reply shows (empathy, problemSolving) or `listening` (a fact question, restating, confirming). */
  shows?: (Dimension | 'listening')[];
  /** Faults the reply must not show; `provocative` covers insults and provoking words. */
  avoids?: (Dimension | 'provocative')[];
}

/** A moment a trainer looks for in a scenario, declared in its file under `keyMoments:`. */
export interface KeyMoment {
  id: string;
  label: LocalizedText;
  /** The dimension the moment teaches; a missed moment's tip is filed under it. */
  dimension: Dimension;
  /** A phrasing that meets the moment in this scenario: the coaching suggestion when it is missed. */
  example: LocalizedText;
  when: KeyMomentCondition;
  /** Met only in a reply no later than the first one recognised with this intent (e.g. acknowledge before the rule). */
  before?: string;
  /** Met only in the first reply recognised with this intent or a later one (e.g. the exchange after the test). */
  after?: string;
  /** Every reply matching `when.state` (all replies when no state is given) must meet the other conditions. */
  every?: boolean;
}

export interface KeyMomentResult {
  id: string;
  label: string;
  met: boolean;
  /** The trainee turn that met it; null when missed, or for an `every` moment whose state never came. */
  turn: number | null;
  /** False for a moment held over every turn whose state never came: nothing to hold, so the card says it did not come up. */
  arose?: false;
}

export type ServiceStyle = 'cold' | 'production' | 'friendly' | 'quality';

export interface ScoreCardTip {
  dimension: EvaluatorId;
  /** The rule or pattern behind the tip, for disputes and the trainer's view; never shown to the trainee. */
  rule?: string;
  turn: number;
  /** The trainee's own words where the fault or the miss happened; empty (turn 0) when no turn was apt. */
  quote: string;
  message: string;
  suggestion: string;
}

/** The end-of-session score card: plain data the bot renders as a card and the CLI prints. */
export interface ScoreCard {
  scenarioId: string;
  title: string;
  locale: RuleLocale;
  /** How the session ended. */
  outcome: SessionOutcome;
  turns: number;
  /** 0–100 per dimension; null where the dimension never applied (N/A). */
  dimensions: Record<Dimension, number | null>;
  overall: number;
  /** The manuals' service dimensions; tangibles (有形度) is always null in chat. */
  servqual: {
    tangibles: null;
    empathy: number | null;
    professionalism: number | null;
    reliability: number | null;
    responsiveness: number | null;
  };
  quadrant: { technical: number; personal: number; style: ServiceStyle; label: string };
  /** Up to three things to improve, most costly first, each quoting the trainee. */
  tips: ScoreCardTip[];
  /** The scenario's key moments, met or missed, with the turn that met each (absent on cards made before they existed). */
  keyMoments?: KeyMomentResult[];
  /** Counts of the extra checks (addressing by surname, wording…). */
  extras: Partial<Record<ExtraCheck, { good: number; bad: number }>>;
}

export type SessionOutcome = 'resolved' | 'escalated' | 'abandoned' | 'turn-limit';
