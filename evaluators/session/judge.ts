// Scores over the whole conversation, per dimension, the way a trainer judges them: sympathy
// where the customer showed emotion and when it mattered, whether and how a concrete solution
// was reached, listening credited, faults counted by severity, and an overall that reflects
// the conversation and not only its ending. Pure: turns in, numbers out.
import type { Dimension, KeyMoment, KeyMomentResult, RuleLocale, ScenarioRules, ScoredTurn, SessionOutcome } from '../types.ts';
import { DIMENSIONS } from '../types.ts';
import { faultCost, sessionFaults, type Fault } from './faults.ts';
import { keyMomentResults } from './key-moments.ts';
import { replyListening, listens } from '../analysis/listening.ts';
import { empathyRepeats, keywordTurn, PASTED_AFTER } from './patterns.ts';

export interface SessionInfo {
  locale: RuleLocale;
  outcome: SessionOutcome;
  weights?: ScenarioRules['weights'];
  keyMoments?: KeyMoment[];
}

export interface SessionJudgement {
  /** 0–100 per dimension; null where it never applied. */
  dimensions: Record<Dimension, number | null>;
  overall: number;
  /** How much of the technical side the ending allows (1 when resolved). */
  outcomeFactor: number;
  keyMoments: KeyMomentResult[];
  faults: Fault[];
  /** Turns whose reply is a bare list of keywords. */
  keywordTurns: number[];
  /** Turns that repeat a sympathy formula already used `PASTED_AFTER` times or more. */
  pastedTurns: number[];
  /** Turns that listened: a fact question, restating or confirming. */
  listeningTurns: number[];
  /** The turns as judged, with their listening acts filled in. */
  turns: ScoredTurn[];
}

/** How much each dimension counts in the overall before the scenario's own weights: solving first, then trust, the person and plain words. */
export const BASE_WEIGHTS: Record<Dimension, number> = { problemSolving: 3, promises: 2, empathy: 2, interrupting: 2, jargon: 1 };

/** What is left of a session's quality when the ending did not solve the problem. */
export const OUTCOME_FACTOR: Record<SessionOutcome, number> = { resolved: 1, abandoned: 0.8, 'turn-limit': 0.75, escalated: 0.6 };

/** What is left of a session that never took up the case: courtesy with no question, no play-back, no step. */
export const COURTESY_ONLY = 0.7;
/** Replies that ask or play back the customer's account before listening counts in full. */
export const FULL_LISTENING = 2;

/** Owned steps: the trainee does it, or hands it on with a follow-up. */
const OWNED_STEPS = new Set(['concrete-action', 'follow-up', 'scenario-solution']);

const clamp = (n: number) => Math.max(0, Math.min(100, n));

/** The results of the scenario's moments that `pick` chooses (every moment has its result). */
function resultsOf(moments: KeyMomentResult[], defs: KeyMoment[], pick: (k: KeyMoment) => boolean): KeyMomentResult[] {
  const ids = new Set(defs.filter(pick).map((k) => k.id));
  return moments.filter((m) => ids.has(m.id));
}

function empathyScore(turns: ScoredTurn[], keywordTurns: Set<number>, faults: Fault[]): number | null {
  const repeats = empathyRepeats(turns);
  // Sympathy earns less each time the same formula comes back.
  const credit = (i: number) => {
    const t = turns[i];
    if (!t || !t.evaluation.detected.empathy || keywordTurns.has(t.turn)) return 0;
    return 0.5 ** (repeats[i] ?? 0);
  };
  let weight = 0;
  let earned = 0;
  let first = true;
  turns.forEach((t, i) => {
    if (!t.evaluation.applicable.empathy) return;
    // The first time emotion is on the table matters most: sympathy then, or one turn before it (the
    // trainee saw it coming), counts in full, a turn late for half. After that, sympathy shown in the
    // last three turns still holds, so it is not needed in every reply.
    const w = first ? 3 : 1;
    const c = first ? Math.max(credit(i), credit(i - 1), 0.5 * credit(i + 1)) : Math.max(credit(i), credit(i - 1), credit(i - 2));
    weight += w;
    earned += w * c;
    first = false;
  });
  if (!weight) return null;
  // The same formula a third time and more reads as pasted: it costs, on top of earning less.
  const pasted = repeats.filter((r) => r >= PASTED_AFTER).length;
  return clamp(Math.round(100 * (earned / weight) - 10 * pasted - faultCost(faults, 'provocative')));
}

/**
 * Where no reply read emotion in the customer's words but the scenario puts feelings on the table
 * (it declares a sympathy moment), sympathy is judged by those moments, so the card never says
 * "not applicable" beside a sympathy moment missed.
 */
function momentEmpathy(moments: KeyMomentResult[], defs: KeyMoment[], faults: Fault[]): number | null {
  const due = resultsOf(moments, defs, (k) => k.dimension === 'empathy' && !k.every);
  if (!due.length) return null;
  return clamp(Math.round((100 * due.filter((m) => m.met).length) / due.length - faultCost(faults, 'provocative')));
}

function problemSolvingScore(
  turns: ScoredTurn[],
  keywordTurns: Set<number>,
  outcome: SessionOutcome,
  moments: KeyMomentResult[],
  defs: KeyMoment[],
): number {
  const steps = turns.filter((t) => t.evaluation.detected.problemSolving && !keywordTurns.has(t.turn));
  const owned = steps.some((t) => t.evaluation.findings.some((f) => f.evaluator === 'problemSolving' && OWNED_STEPS.has(f.rule)));
  const solving = resultsOf(moments, defs, (k) => k.dimension === 'problemSolving');
  const reached = solving.length ? solving.filter((m) => m.met).length / solving.length : steps.length ? 1 : 0;
  // An ending the trainee's own steps brought about counts in full; one that came without them, little.
  const resolved = outcome === 'resolved';
  const score = (resolved ? (steps.length ? 55 : 25) : 0) + (steps.length ? 15 : 0) + (owned ? 10 : 0) + 20 * reached;
  return Math.round(resolved ? score : Math.min(score, 60));
}

export function judgeSession(input: ScoredTurn[], info: SessionInfo): SessionJudgement {
  const turns = input.map((t) => ({ ...t, listening: t.listening ?? replyListening(t.reply, t.customer, info.locale) }));
  const keywordTurns = turns.filter((t) => keywordTurn(t, info.locale)).map((t) => t.turn);
  const keywordSet = new Set(keywordTurns);
  const listeningTurns = turns.filter((t) => listens(t.listening) && !keywordSet.has(t.turn)).map((t) => t.turn);
  const repeats = empathyRepeats(turns);
  const pastedTurns = turns.filter((_, i) => (repeats[i] ?? 0) >= PASTED_AFTER).map((t) => t.turn);
  const faults = sessionFaults(turns);
  const keyMoments = keyMomentResults(info.keyMoments, turns, info.locale);

  const dimensions: Record<Dimension, number | null> = {
    interrupting: turns.length
      ? clamp(70 + 15 * Math.min(FULL_LISTENING, listeningTurns.length) - faultCost(faults, 'interrupting'))
      : null,
    empathy: empathyScore(turns, keywordSet, faults) ?? momentEmpathy(keyMoments, info.keyMoments ?? [], faults),
    jargon: turns.length ? clamp(100 - faultCost(faults, 'jargon')) : null,
    promises: turns.length ? clamp(100 - faultCost(faults, 'promises')) : null,
    problemSolving: turns.length ? problemSolvingScore(turns, keywordSet, info.outcome, keyMoments, info.keyMoments ?? []) : null,
  };

  let weighted = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    const score = dimensions[d];
    const w = BASE_WEIGHTS[d] * Math.max(0, info.weights?.[d] ?? 1);
    if (score === null || !w) continue;
    weighted += score * w;
    total += w;
  }
  const quality = total ? weighted / total : 0;
  const met = keyMoments.length ? keyMoments.filter((k) => k.met).length / keyMoments.length : quality / 100;
  const factor = OUTCOME_FACTOR[info.outcome];
  // A list of keywords and a pasted formula are gaming the score; an insult costs on top of its dimension.
  const gaming =
    Math.min(30, 8 * keywordTurns.length + 6 * pastedTurns.length) + 10 * faults.filter((f) => f.kind === 'provocative').length;
  // Courtesy alone serves no one: a session that never asked, played back, took a step or met a moment
  // about the case itself (only sympathy, or only avoiding faults) keeps part of its score.
  const steps = turns.some((t) => t.evaluation.detected.problemSolving && !keywordSet.has(t.turn));
  const caseMoment = resultsOf(keyMoments, info.keyMoments ?? [], (d) => !d.every && d.dimension !== 'empathy').some((k) => k.met);
  const engaged = listeningTurns.length > 0 || steps || caseMoment;
  const raw = (0.7 * quality + 30 * met) * factor - gaming;
  const overall = turns.length ? Math.round(clamp(engaged ? raw : raw * COURTESY_ONLY)) : 0;
  return { dimensions, overall, outcomeFactor: factor, keyMoments, faults, keywordTurns, pastedTurns, listeningTurns, turns };
}
