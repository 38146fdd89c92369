// The customer engine: a pure, JSON-serialisable session. Time comes in as an
// argument; randomness is a seeded generator whose state lives in the session.
import {
  type Clause,
  type Dimension,
  type InputLocale,
  type ListeningActs,
  type ReplyAnalysis,
  type ReplyEvaluation,
  type ScenarioRules,
  type SessionOutcome,
  type Turn,
  analyseReply,
  clauseAround,
  COURTESY_ACTS,
  DIMENSIONS,
  REQUIRED_CONCEPTS,
  clipReply,
  evaluateReply,
  listeningActs,
  replyReading,
  onlyAsks,
  ruleLocale,
  says,
  shortQuote,
} from '../evaluators/index.ts';
import type {
  CustomerLine,
  PacingOptions,
  ReplyResult,
  SessionStateJson,
  StartOptions,
  TurnOutput,
  Understanding,
} from './engine-types.ts';
import { NO_PACING } from './engine-types.ts';
import { recogniseAnalysis } from './intents.ts';
import { alsoAsked, answerQuestion } from './knowledge.ts';
import { LISTENING_ACTS, READING_MARKS, readTurnLog, type LoggedCredit, type LoggedFinding, type TurnSummary } from './turn-log.ts';
import type { EndingCause, LineVariant, MoodBand, MoodEffect, ReactionKind, Scenario, State, Transition } from './model.ts';

export const SESSION_VERSION = 2;
/** Formats this engine reads: v1 differs only in the shape of the turn log (turn-log.ts). */
const READABLE_VERSIONS: readonly unknown[] = [1, SESSION_VERSION];
const KEEP_CHARS = 160;

const DEFAULT_EFFECTS: Record<MoodEffect, number> = {
  interrupting: 12,
  jargon: 10,
  promises: 8,
  rude: 25,
  insult: 30,
  threat: 30,
  nothing: 6,
  smalltalk: 3,
  empathy: -10,
  problemSolving: -12,
  addressedBySurname: -3,
};

export interface EngineSession extends SessionStateJson {
  input: InputLocale;
  rng: number;
  state: string;
  pacing: PacingOptions;
  /** Absolute times and texts of the parts of the customer's last turn. */
  said: [number, string][];
  lastVariant: Record<string, number>;
  /** Per line key, the variants already said (bit i = variant i), so none repeats while others remain. */
  used?: Record<string, number>;
  /** Over-promises remembered: what was said, at which turn, in which state (older sessions stored the text only). */
  promises: (string | RememberedPromise)[];
  recalled: number;
  /** Replies in a row that moved nothing in the current state. */
  misses?: number;
  surnameKnown: boolean;
  log: TurnSummary[];
  /** Replies said since the case was settled. */
  settled?: { at: number; replies?: number };
}

export interface RememberedPromise {
  text: string;
  turn: number;
  state: string;
  /** What the promise was about: the subject concepts of its clause (absent in older sessions). */
  about?: string[];
}

/** mulberry32: tiny, good enough for picking line variants, state is one number. */
export function nextRandom(session: EngineSession): number {
  let t = (session.rng = (session.rng + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function moodBand(scenario: Scenario, anger: number): MoodBand {
  const bands = scenario.mood.bands ?? { annoyed: 50, furious: 78 };
  return anger >= bands.furious ? 'furious' : anger >= bands.annoyed ? 'annoyed' : 'calm';
}

/**
 * A variant not said yet under this key (all of them before any repeats, and never the
 * last one twice), preferring those written for the current mood band.
 */
function pick(session: EngineSession, scenario: Scenario, key: string, variants: LineVariant[]): LineVariant {
  if (variants.length === 1) return variants[0] as LineVariant;
  const used = (session.used ??= {});
  const last = session.lastVariant[key];
  let fresh = variants.map((_, i) => i).filter((i) => !((used[key] ?? 0) & (1 << i)));
  if (!fresh.length) {
    used[key] = 0;
    fresh = variants.map((_, i) => i).filter((i) => i !== last);
  }
  const band = moodBand(scenario, session.anger);
  const exact = fresh.filter((i) => variants[i]!.mood === band);
  const open = fresh.filter((i) => variants[i]!.mood === undefined);
  const choices = exact.length ? exact : open.length ? open : fresh;
  const index = choices[Math.floor(nextRandom(session) * choices.length)] as number;
  used[key] = (used[key] ?? 0) | (1 << index);
  session.lastVariant[key] = index;
  return variants[index] as LineVariant;
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function scenarioRules(scenario: Scenario): ScenarioRules {
  return { scenarioId: scenario.id, ...scenario.evaluation };
}

function line(
  session: EngineSession,
  scenario: Scenario,
  kind: CustomerLine['kind'],
  ref: string,
  variants: LineVariant[],
  vars: Record<string, string> = {},
  /** Which list the variants come from, when one ref has several (a state's lines and its again lines). */
  list = '',
): CustomerLine {
  const chosen = pick(session, scenario, `${kind}:${ref}${list}`, variants);
  const all = { surname: scenario.persona.surname[session.locale], name: scenario.persona.name[session.locale], ...vars };
  return { kind, ref, parts: chosen[session.locale].map((text) => ({ text: fill(text, all), atMs: 0 })) };
}

/** A state's words said again: its `again` lines, or its opening lines, each list with its own memory of what was said. */
function sayAgain(session: EngineSession, scenario: Scenario, state: State): CustomerLine {
  return line(session, scenario, 'state', state.id, state.again ?? state.lines, {}, state.again ? ':again' : '');
}

function pace(session: EngineSession, lines: CustomerLine[], now: number): void {
  const p = session.pacing;
  const duration = (text: string) => (p.enabled ? Math.min(p.maxPauseMs, Math.max(p.minPauseMs, text.length * p.msPerChar)) : 0);
  // Each part appears once the one before it has had its reading time; the first at once.
  let at = 0;
  let lastDuration = 0;
  const said: [number, string][] = [];
  for (const l of lines) {
    for (const part of l.parts) {
      at += lastDuration;
      part.atMs = at;
      lastDuration = duration(part.text);
      said.push([now + at, part.text]);
    }
  }
  session.said = said;
  // The customer has finished once the last part is on the trainee's screen (the typing indicator
  // goes with it): a reply after that answers the whole line and never cuts it off.
  session.speakingUntil = now + at;
}

function noteSurname(session: EngineSession, scenario: Scenario, lines: CustomerLine[]): void {
  if (session.surnameKnown) return;
  const surname = scenario.persona.surname[session.locale];
  if (lines.some((l) => l.parts.some((p) => p.text.includes(surname)))) session.surnameKnown = true;
}

function output(session: EngineSession, scenario: Scenario, lines: CustomerLine[], now: number, ending?: SessionOutcome): TurnOutput {
  pace(session, lines, now);
  noteSurname(session, scenario, lines);
  // A case resolved by this reply stays open for the trainee's closing words: they count too.
  if (ending === 'resolved' && !session.settled) {
    session.settled = { at: now };
    return { lines, settled: true };
  }
  if (ending) {
    session.ended = { outcome: ending, at: now };
    return { lines, ending: { outcome: ending, ref: ending } };
  }
  return { lines };
}

export function startSession(scenario: Scenario, options: StartOptions): { session: EngineSession; output: TurnOutput } {
  const locale = ruleLocale(options.locale, 'zh-CN');
  const session: EngineSession = {
    v: SESSION_VERSION,
    scenarioId: scenario.id,
    locale,
    input: options.locale,
    mode: options.mode ?? 'practice',
    turns: 0,
    anger: scenario.mood.start,
    speakingUntil: options.now,
    rng: options.seed | 0,
    state: scenario.start,
    pacing: options.pacing ?? NO_PACING,
    said: [],
    lastVariant: {},
    used: {},
    misses: 0,
    promises: [],
    recalled: 0,
    surnameKnown: scenario.persona.surnameKnown ?? false,
    log: [],
  };
  const state = scenario.states.find((s) => s.id === scenario.start);
  const lines = state ? [line(session, scenario, 'state', state.id, state.lines)] : [];
  return { session, output: output(session, scenario, lines, options.now) };
}

export function emptyEvaluation(): ReplyEvaluation {
  const all = <T>(v: T) => Object.fromEntries(DIMENSIONS.map((d) => [d, v])) as Record<Dimension, T>;
  return { detected: all(false), scores: all(100), applicable: all(false), findings: [] };
}

function matches(t: Transition, intents: string[], evaluation: ReplyEvaluation, anger: number): boolean {
  if (t.intent !== undefined && !intentList(t).some((w) => intents.includes(w))) return false;
  if (t.unless && t.unless.some((w) => intents.includes(w))) return false;
  if (t.shows && !t.shows.every((d) => evaluation.detected[d])) return false;
  if (t.avoids && t.avoids.some((d) => evaluation.detected[d])) return false;
  if (t.angerAtLeast !== undefined && anger < t.angerAtLeast) return false;
  if (t.angerAtMost !== undefined && anger > t.angerAtMost) return false;
  return true;
}

/** The intents a transition fires on; none when it needs only evaluator outcomes or mood. */
function intentList(t: Transition): string[] {
  return t.intent === undefined ? [] : Array.isArray(t.intent) ? t.intent : [t.intent];
}

/** The session so far: a word the customer used at any turn is theirs (jargon), not only in the last few. */
function history(session: EngineSession): Turn[] {
  const turns: Turn[] = [];
  for (const t of session.log) turns.push({ role: 'customer', text: t.customer }, { role: 'trainee', text: t.reply });
  return turns;
}

/**
 * The analysis of what the customer said, by scenario. The customer's words are the scenario's
 * own lines (or the heard part of one), a finite set, so each is analysed once; the bound only
 * guards against a scenario whose lines are cut at many different points.
 */
const customerAnalyses = new WeakMap<Scenario, Map<string, ReplyAnalysis>>();
const CUSTOMER_ANALYSES_KEPT = 2_000;
function customerAnalysis(scenario: Scenario, text: string, locale: InputLocale): ReplyAnalysis {
  const byText = customerAnalyses.get(scenario) ?? new Map<string, ReplyAnalysis>();
  customerAnalyses.set(scenario, byText);
  const key = `${locale}\n${text}`;
  const kept = byText.get(key);
  if (kept) return kept;
  if (byText.size >= CUSTOMER_ANALYSES_KEPT) byText.clear();
  const analysis = analyseReply(text, locale);
  byText.set(key, analysis);
  return analysis;
}

function clip(text: string, n = KEEP_CHARS): string {
  return shortQuote(text, n);
}

/** A stored session must belong to this scenario and to a version this engine understands. */
export function checkSession(scenario: Scenario, session: SessionStateJson): void {
  if (!session || typeof session !== 'object') throw new Error('not a session');
  if (session.scenarioId !== scenario.id)
    throw new Error(`session belongs to scenario "${String(session.scenarioId)}", not "${scenario.id}"`);
  if (!READABLE_VERSIONS.includes(session.v))
    throw new Error(`session format v${String(session.v)} is not supported (this engine writes v${SESSION_VERSION}); start a new session`);
}

/**
 * The session a turn changes, leaving the caller's untouched. A turn only reassigns
 * top-level fields and appends to these collections, so copying them is enough: a turn
 * must not pay for a deep clone of the whole log.
 */
function nextSession(previous: SessionStateJson): EngineSession {
  const p = previous as EngineSession;
  return {
    ...p,
    v: SESSION_VERSION,
    lastVariant: { ...p.lastVariant },
    used: { ...p.used },
    promises: [...p.promises],
    log: readTurnLog(p.log),
  };
}

/** Replies after the fix that the customer stays for: on the last of them they are gone. */
const CLOSING_REPLIES = 3;

/** Intents that attack the customer: blaming, dismissing or threatening them. */
const ATTACK_INTENT = /blame|dismiss|threat/;

/** Per scenario, how many transitions each state is from end:resolved (Infinity when it cannot get there). */
const distances = new WeakMap<Scenario, Map<string, number>>();
function distanceToResolved(scenario: Scenario): Map<string, number> {
  let d = distances.get(scenario);
  if (d) return d;
  d = new Map(scenario.states.map((st) => [st.id, Infinity]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const st of scenario.states) {
      for (const t of st.transitions) {
        const next = t.to === 'end:resolved' ? 0 : t.to.startsWith('end:') ? Infinity : (d.get(t.to) ?? Infinity);
        if (next + 1 < d.get(st.id)!) {
          d.set(st.id, next + 1);
          changed = true;
        }
      }
    }
  }
  distances.set(scenario, d);
  return d;
}

function targetDistance(scenario: Scenario, to: string): number {
  return to === 'end:resolved' ? 0 : to.startsWith('end:') ? Infinity : (distanceToResolved(scenario).get(to) ?? Infinity);
}

/**
 * Of the transitions a reply satisfies, the one that fires: a setback (to a state
 * farther from a resolution, or to a bad ending) first, in the order written;
 * otherwise the most advanced move understood (closest to end:resolved).
 */
function chooseTransition(scenario: Scenario, state: State, matched: Transition[]): Transition | undefined {
  if (matched.length <= 1) return matched[0];
  const here = distanceToResolved(scenario).get(state.id) ?? Infinity;
  const setback = matched.find((t) => targetDistance(scenario, t.to) > here);
  if (setback) return setback;
  let best = matched[0]!;
  for (const t of matched) if (targetDistance(scenario, t.to) < targetDistance(scenario, best.to)) best = t;
  return best;
}

function why(t: Transition): string {
  const parts: string[] = [];
  if (t.intent !== undefined) parts.push(`intent ${Array.isArray(t.intent) ? t.intent.join('|') : t.intent}`);
  if (t.shows) parts.push(`shows ${t.shows.join('+')}`);
  if (t.avoids) parts.push(`avoids ${t.avoids.join('+')}`);
  if (t.unless) parts.push(`unless ${t.unless.join('|')}`);
  if (t.angerAtLeast !== undefined) parts.push(`anger ≥ ${t.angerAtLeast}`);
  if (t.angerAtMost !== undefined) parts.push(`anger ≤ ${t.angerAtMost}`);
  return parts.join(', ') || 'always';
}

function remembered(p: string | RememberedPromise): RememberedPromise {
  return typeof p === 'string' ? { text: p, turn: 0, state: '' } : p;
}

/** The words of promising itself (I promise, I guarantee) are not what a promise is about. */
const NOT_ABOUT: ReadonlySet<string> = new Set([...REQUIRED_CONCEPTS, 'over-promise', 'warranty']);

/**
 * What a promise is about: the subject concepts of the clause it starts in or, when that clause names none
 * ("…right now, I promise", "Your money will be back today. I promise."), of the nearest clause before it that
 * names any: the promise vouches for what was just said.
 */
function subjectsAt(analysis: ReplyAnalysis, start: number): string[] {
  const at = analysis.clauses.findIndex((c) => c.start <= start && c.end > start);
  for (let i = at; i >= 0; i--) {
    const ids = analysis.clauses[i]!.concepts.map((h) => h.id).filter((id) => !NOT_ABOUT.has(id));
    if (ids.length) return [...new Set(ids)];
  }
  return [];
}

/**
 * A refusal that takes back an earlier promise: it refuses something the promise was about ("I can't give cash
 * here" after "your money back right now"), not another matter ("the missed texts can't be re-sent" after "it'll
 * work within minutes"). A promise remembered without its subjects (an older session) is not judged so.
 */
function refuses(analysis: ReplyAnalysis, promise: RememberedPromise): boolean {
  const about = new Set(promise.about ?? []);
  const refusing = analysis.clauses.filter((c) => c.acts.includes('refusal'));
  return refusing.some((c) => c.concepts.some((h) => about.has(h.id)));
}

export function replyToSession(scenario: Scenario, previous: SessionStateJson, rawText: string, now: number): ReplyResult {
  checkSession(scenario, previous);
  const session = nextSession(previous);
  const text = typeof rawText === 'string' ? rawText : String(rawText ?? '');
  const { text: reply, clipped } = clipReply(text);
  if (session.ended)
    return {
      session,
      output: { lines: [] },
      evaluation: emptyEvaluation(),
      listening: { question: false, restate: false, confirm: false },
      reading: { keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false },
      interrupted: false,
      clipped,
    };

  const interrupted = session.pacing.enabled && now < session.speakingUntil;
  const heardParts = interrupted ? session.said.filter(([at]) => at <= now) : session.said;
  const customer = heardParts.map(([, t]) => t).join(session.locale === 'en' ? ' ' : '');
  const state = scenario.states.find((s) => s.id === session.state);
  const answered = session.state;
  // The case is resolved and the customer is on the way out: this reply moves nothing, it closes or sours.
  const closing = session.settled !== undefined;
  const analysis: ReplyAnalysis = analyseReply(reply, session.input);
  const evaluation = evaluateReply(reply, {
    locale: session.input,
    customer,
    history: history(session),
    interrupted,
    customerSurname: session.surnameKnown ? scenario.persona.surname[session.locale] : undefined,
    scenario: scenarioRules(scenario),
    analysis,
    ...(state?.yesMeans ? { yesMeans: state.yesMeans } : {}),
  });
  // How the reply hears the customer out: worked out once here, for the trainee's coaching now and the score card later.
  const listening: ListeningActs = listeningActs(analysis, customer ? customerAnalysis(scenario, customer, session.input) : undefined);
  // A string of bare keywords names the right things and says nothing: the customer is not moved by it.
  const keywords = analysis.keywordList;
  const recognised = keywords ? [] : recogniseAnalysis(analysis, scenario.intents);
  const intents = recognised.map((r) => r.id);
  const bad = (check: string) => evaluation.findings.some((f) => f.evaluator === check && f.polarity === 'bad');
  const good = (check: string) => evaluation.findings.some((f) => f.evaluator === check && f.polarity === 'good');
  const insult = analysis.acts.includes('insult');
  const threat = analysis.acts.includes('threat');
  // Provocative words that insult or threaten count once, as the insult or the threat.
  const rude = bad('provocative') && !insult && !threat;

  // Transitions first: a question is answered only when the reply moves nothing.
  const matched =
    interrupted || keywords || closing || !state ? [] : state.transitions.filter((t) => matches(t, intents, evaluation, session.anger));
  let transition = state ? chooseTransition(scenario, state, matched) : undefined;
  let question = !transition && !interrupted && !closing && state ? answerQuestion(scenario, analysis, listening.restate) : undefined;
  // A reply that only asks (no offer, no statement) and that the customer can answer from what they know
  // is answered, and the conversation stays: only a setback or the resolution itself outranks it. A
  // question that blames, talks down or over-promises ("是你自己弄错了吧？") is that move, not a question.
  const misbehaves =
    evaluation.detected.interrupting ||
    evaluation.detected.jargon ||
    evaluation.detected.promises ||
    bad('provocative') ||
    insult ||
    threat;
  // Words leading into the question that acknowledge or offer help ("I can see you're upset, so…", 您别急，您慢慢说，…) are
  // a move of their own; a clause that only softens it (阿姨您别急，是给了一百吗？ / "Don't worry, …") is not.
  const softensOnly = (c: Clause) =>
    c.concepts.some((h) => h.id === 'soften') && c.concepts.every((h) => h.negated || h.id === 'soften' || h.id === 'calm-down');
  const leadInMoves =
    (evaluation.detected.empathy || evaluation.detected.problemSolving) &&
    analysis.clauses.some((c) => !softensOnly(c) && !c.acts.some((a) => a === 'question' || a === 'restate' || COURTESY_ACTS.has(a)));
  if (transition && state && onlyAsks(analysis) && !misbehaves && !leadInMoves) {
    const answer = answerQuestion(scenario, analysis, listening.restate);
    const here = distanceToResolved(scenario).get(state.id) ?? Infinity;
    const target = targetDistance(scenario, transition.to);
    if (answer && (answer.kind === 'fact' || answer.kind === 'unknown') && target <= here && target > 0) {
      question = answer;
      transition = undefined;
    }
  }

  // A step reported done in this reply and the next state's move after it ("I've taken the block off. Can you ask
  // the bank to resend the code?", 「查到了，钱已经到账，我现在给您开机」): the customer takes both, as a person
  // would; a step only announced ("I'll test it, and if…") leaves the time it takes.
  const reportedDone = (t: Transition) => {
    const used = new Set(intentList(t));
    return recognised.some((r) => used.has(r.id) && r.at.some((c) => c.concepts.some((h) => h.id === 'done' && !h.negated)));
  };
  let via: Transition | undefined;
  if (transition && !misbehaves) {
    const first = transition;
    const used = new Set(intentList(first));
    const next = reportedDone(first) ? scenario.states.find((s) => s.id === first.to) : undefined;
    const onward = next
      ? chooseTransition(
          scenario,
          next,
          next.transitions.filter(
            (t) => intentList(t).some((i) => !used.has(i) && intents.includes(i)) && matches(t, intents, evaluation, session.anger),
          ),
        )
      : undefined;
    if (onward && targetDistance(scenario, onward.to) < targetDistance(scenario, first.to)) {
      via = first;
      transition = onward;
    }
  }

  // A promise taken back in this reply ("I can't give cash here" after "your money back right now") is heard first:
  // the customer holds the trainee to it and takes no step towards settling for less in the same breath.
  const owed = session.promises.length > session.recalled ? remembered(session.promises[session.recalled]!) : undefined;
  const promise = evaluation.findings.find((f) => f.evaluator === 'promises' && f.polarity === 'bad');
  // Any refusal brings the promise back; one that refuses what it was about also holds the customer back.
  const breaksPromise = !closing && !!owed && !promise && analysis.acts.includes('refusal');
  const takesBack = breaksPromise && refuses(analysis, owed);
  if (
    takesBack &&
    transition &&
    state &&
    targetDistance(scenario, transition.to) < (distanceToResolved(scenario).get(state.id) ?? Infinity)
  )
    transition = undefined;

  // A reply that moves the customer on to another state and also asks what they know ("Sorry about
  // that. When did you buy it?") gets its answer too, before the next state's line: a person answers
  // a question put to them. Only a known fact is answered so (not small talk), and not beside an
  // attack on the customer ("规定就是规定，赶紧搬走！你们明天几点来？"): they react to the attack.
  const attacked = intents.some((i) => ATTACK_INTENT.test(i));
  // A question that is itself a move the customer recognised ("could you try asking the bank to send the code
  // again?") is that move, not something to answer on the way.
  const moves = new Set(recognised.flatMap((r) => r.at));
  const asksAside = analysis.clauses.some((c) => c.acts.includes('question') && !moves.has(c));
  const aside =
    // Stryker disable next-line ConditionalExpression: a reply without a question gets no fact from answerQuestion (speed only)
    transition && !misbehaves && !attacked && asksAside ? answerQuestion(scenario, analysis, listening.restate) : undefined;

  // A second fact asked in a sentence of its own is answered too.
  const also = question && !transition ? alsoAsked(scenario, analysis, question) : undefined;

  const effects = { ...DEFAULT_EFFECTS, ...scenario.mood.effects };
  const badFlags: [boolean, MoodEffect][] = [
    [interrupted || evaluation.detected.interrupting, 'interrupting'],
    [evaluation.detected.jargon, 'jargon'],
    [evaluation.detected.promises, 'promises'],
    [rude, 'rude'],
    [insult, 'insult'],
    [threat, 'threat'],
  ];
  // Kind words count for nothing beside an insult or a threat in the same breath, or in a string of keywords.
  const uncredited = insult || threat || keywords;
  const goodFlags: [boolean, MoodEffect][] = [
    [evaluation.detected.empathy && !uncredited, 'empathy'],
    [evaluation.detected.problemSolving && !uncredited, 'problemSolving'],
    [good('addressing') && !uncredited, 'addressedBySurname'],
  ];
  const before = session.anger;
  let delta = 0;
  for (const [on, effect] of [...badFlags, ...goodFlags]) if (on) delta += effects[effect];
  const anyBad = badFlags.some(([on]) => on);
  if (question?.kind === 'irrelevant') delta += effects.smalltalk;
  else if (!question && !transition && !badFlags.some(([on]) => on) && !goodFlags.some(([on]) => on)) delta += effects.nothing;
  let anger = Math.max(0, Math.min(100, session.anger + delta));
  // A polite question never pushes a customer over the edge: only bad behaviour escalates.
  if (question && !anyBad) anger = Math.min(anger, Math.max(session.anger, scenario.mood.escalateAt - 1));
  session.anger = anger;
  session.turns++;

  const lines: CustomerLine[] = [];
  const react = (kind: ReactionKind, vars?: Record<string, string>) => {
    const variants = scenario.reactions[kind];
    if (variants) lines.push(line(session, scenario, 'reaction', kind, variants, vars));
    return Boolean(variants);
  };
  // Closing words get no reaction of their own: the customer has said goodbye, and only an attack brings them back.
  if (!closing) {
    if (interrupted) react('interrupted');
    if (insult) {
      if (!react('insulted')) react('rude');
    } else if (threat) {
      if (!react('threatened')) react('rude');
    } else if (rude) react('rude');
    if (evaluation.detected.jargon) {
      const term = evaluation.findings.find((f) => f.evaluator === 'jargon' && f.polarity === 'bad')?.text ?? '';
      react('jargon', { term: clip(term, 20) });
    }
    if (promise) {
      // The customer remembers what was promised, not just the trigger word ("I guarantee").
      if (session.promises.length < 3)
        session.promises.push({
          text: clip(clauseAround(reply, promise.span[0], promise.span[1]), 60),
          turn: session.turns,
          state: session.state,
          about: subjectsAt(analysis, promise.span[0]),
        });
    } else if (owed) {
      // An earlier over-promise comes back when it is broken (a refusal now) or falls due
      // (three turns on and still nothing), not while the trainee is doing what was promised.
      const due = session.turns - owed.turn >= 3 && (owed.state === '' || owed.state === session.state);
      if (breaksPromise || due) {
        react('promise-recalled', { promise: owed.text });
        session.recalled++;
      }
    }
  }

  let ending: SessionOutcome | undefined;
  /** The answer given on the way to the next state, if any. */
  let told: typeof aside;
  // `rude` excludes a threat, so a threatening reply ends as threatened.
  let cause: EndingCause = insult || rude ? 'insulted' : threat ? 'threatened' : evaluation.detected.jargon ? 'jargon' : 'ignored';
  if (transition && intents.some((i) => /blame|dismiss/.test(i)) && cause === 'ignored') cause = 'insulted';
  if (session.settled) {
    const settled = session.settled;
    const replies = (settled.replies ?? 0) + 1;
    // Told off, blamed or insulted after the fix (下回您当场数清楚再走 / "that's on you"), the customer leaves with a complaint after all.
    // What would not have happened, said beside the customer's own conduct, is a lesson too (以后您别跑便利店交，就不会这样了).
    const lesson =
      says(analysis.clauses, 'blame') || (says(analysis.clauses, 'would-not-happen') && says(analysis.clauses, 'your-conduct'));
    // Only a farewell sees the customer off: a bare thanks ("OK thanks") acknowledges and may lead on.
    if (insult || threat || rude || lesson || intents.some((i) => ATTACK_INTENT.test(i))) {
      ending = 'escalated';
      cause = 'soured';
    } else if (says(analysis.clauses, 'farewell') || replies >= CLOSING_REPLIES) ending = 'resolved';
    else {
      session.settled = { ...settled, replies };
      const leaving = scenario.reactions.leaving;
      if (leaving) lines.push(line(session, scenario, 'reaction', 'leaving', leaving));
    }
  } else if (session.anger >= scenario.mood.escalateAt) ending = 'escalated';
  else if (transition?.to.startsWith('end:')) ending = transition.to.slice(4) as SessionOutcome;
  else if (transition) {
    const next = scenario.states.find((s) => s.id === transition.to);
    if (next) {
      session.state = next.id;
      session.misses = 0;
      if (aside?.fact) {
        lines.push(line(session, scenario, 'answer', aside.fact.id, aside.fact.answers));
        told = aside;
      }
      // The step this state waits on, reported done ("I've counted the till, it's fifty over"): the customer says what
      // they wait for now, not the line that watches it being done ("Fine, count it").
      if (reportedDone(transition) && next.waiting?.length)
        lines.push(line(session, scenario, 'state', `${next.id}:waiting`, next.waiting));
      else lines.push(line(session, scenario, 'state', next.id, next.lines));
    }
  } else if (question && state) {
    const variants = question.fact ? question.fact.answers : scenario.reactions[question.kind as ReactionKind];
    if (variants?.length) lines.push(line(session, scenario, 'answer', question.fact?.id ?? question.kind, variants));
    else lines.push(sayAgain(session, scenario, state));
    if (also?.fact) lines.push(line(session, scenario, 'answer', also.fact.id, also.fact.answers));
  } else if (state && !((interrupted || takesBack) && lines.length)) {
    session.misses = (session.misses ?? 0) + 1;
    // Sympathy that moves nothing still softens: the customer says what they are waiting for, as
    // they do, before giving up, after every second miss in a row (misses is 1 or more here).
    // Not where sympathy is itself the awaited move (then the waiting line would ask for what was just said).
    const softened = evaluation.detected.empathy && !uncredited && !state.transitions.some((t) => t.shows?.includes('empathy'));
    if (state.waiting?.length && (softened || session.misses % 2 === 0))
      lines.push(line(session, scenario, 'state', `${state.id}:waiting`, state.waiting));
    else lines.push(sayAgain(session, scenario, state));
  }
  if (!ending && !closing && session.turns >= scenario.turnLimit) ending = 'turn-limit';
  // The resolved ending was said when the case was settled; a quiet close adds nothing to it.
  if (ending && !(closing && ending === 'resolved')) {
    const said = scenario.endings[ending];
    const byCause = ending === 'resolved' ? undefined : said.causes?.[cause];
    lines.push(line(session, scenario, 'ending', byCause ? `${ending}:${cause}` : ending, byCause ?? said.lines));
  }
  const understanding: Understanding = {
    clauses: analysis.clauses.map((c) => ({
      text: c.text.trim(),
      act: c.act,
      acts: c.acts,
      concepts: c.concepts.map((h) => `${h.negated ? 'not ' : ''}${h.byCustomer ? 'customer ' : ''}${h.id}`),
      numbers: c.numbers,
    })),
    intents: recognised,
    ...(question
      ? {
          question: {
            kind: question.kind,
            ...(question.fact ? { fact: question.fact.id } : {}),
            ...(also?.fact ? { also: also.fact.id } : {}),
          },
        }
      : {}),
    ...(told?.fact ? { question: { kind: told.kind, fact: told.fact.id } } : {}),
    // A transition is taken only out of a state.
    ...(transition && state
      ? {
          transition: {
            from: state.id,
            to: transition.to,
            why: via ? `${why(via)} → ${via.to}, ${why(transition)}` : why(transition),
          },
        }
      : {}),
    anger: [before, session.anger],
    mood: moodBand(scenario, session.anger),
    ...(ending ? { ending: { outcome: ending, cause: ending === 'resolved' ? '' : cause } } : {}),
  };

  const findings: LoggedFinding[] = evaluation.findings
    .filter((f) => f.polarity === 'bad' && (f.evaluator === 'provocative' || (DIMENSIONS as readonly string[]).includes(f.evaluator)))
    .slice(0, 4)
    .map((f) => ({
      evaluator: f.evaluator,
      rule: f.rule,
      text: clip(f.text, 40),
      message: clip(f.message, 100),
      suggestion: clip(f.suggestion ?? '', 100),
    }));
  const credited: LoggedCredit[] = evaluation.findings
    .filter((f) => f.polarity === 'good' && (f.evaluator === 'empathy' || f.evaluator === 'problemSolving'))
    .slice(0, 4)
    .map((f) => ({ evaluator: f.evaluator, rule: f.rule, text: clip(clauseAround(reply, f.span[0], f.span[1]), 40) }));
  const reading = replyReading(analysis);
  session.log.push({
    customer: clip(customer),
    reply: clip(reply),
    scores: evaluation.scores,
    applicable: DIMENSIONS.filter((d) => evaluation.applicable[d]),
    detected: DIMENSIONS.filter((d) => evaluation.detected[d]),
    checks: evaluation.findings
      .filter((f) => !(DIMENSIONS as readonly string[]).includes(f.evaluator))
      .slice(0, 4)
      .map((f) => ({ check: f.evaluator, good: f.polarity === 'good' })),
    findings,
    ...(credited.length ? { credited } : {}),
    state: answered,
    ...(intents.length ? { intents: intents.slice(0, 6) } : {}),
    listening: LISTENING_ACTS.filter((act) => listening[act]),
    reading: READING_MARKS.filter((mark) => reading[mark]),
    interrupted,
  });
  return {
    session,
    output: output(session, scenario, lines, now, ending),
    evaluation,
    listening,
    reading,
    interrupted,
    clipped,
    understanding,
  };
}

export function endSession(
  scenario: Scenario,
  previous: SessionStateJson,
  now: number,
  reason: SessionOutcome,
): { session: EngineSession; output: TurnOutput } {
  checkSession(scenario, previous);
  const session = nextSession(previous);
  if (session.ended) return { session, output: { lines: [] } };
  // A settled case ends resolved whenever the trainee stops: the customer has already said goodbye.
  if (session.settled) return { session, output: output(session, scenario, [], now, 'resolved') };
  const lines = [line(session, scenario, 'ending', reason, scenario.endings[reason].lines)];
  return { session, output: output(session, scenario, lines, now, reason) };
}

/** How the session has come out: its ending, or resolved once the case is settled; undefined while the case is open. */
export function sessionOutcome(session: SessionStateJson): SessionOutcome | undefined {
  return session.ended?.outcome ?? (session.settled ? 'resolved' : undefined);
}

export function hint(scenario: Scenario, session: SessionStateJson, locale: InputLocale): string {
  const l = ruleLocale(locale, 'zh-CN');
  if (session.settled)
    return l === 'en'
      ? 'Solved. Check there is nothing else, thank the customer and see them off; no lessons for next time.'
      : '问题已解决。问问还有没有别的需要，道声谢送走顾客；别再说“下次注意”之类的话。';
  const state = scenario.states.find((s) => s.id === (session as EngineSession).state);
  if (state?.hint) return state.hint[l];
  return l === 'en'
    ? 'Let the customer finish, acknowledge how they feel, then offer one concrete step.'
    : '先让顾客把话说完，接住他的情绪，再给出一个具体的处理办法。';
}
