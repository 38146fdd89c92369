// A scenario's key moments, met or missed over a session: the turn that met each.
import type { KeyMoment, KeyMomentResult, RuleLocale, ScoredTurn } from '../types.ts';
import { simplify } from '../text/simplify.ts';
import { listens } from '../analysis/listening.ts';
import { keywordTurn, turnReading } from './patterns.ts';
import { isFault } from './faults.ts';

function hasWords(reply: string, words: string[] | undefined, locale: RuleLocale): boolean {
  if (!words?.length) return true;
  const text = locale === 'zh-CN' ? simplify(reply).text : reply.toLowerCase();
  return words.some((w) => text.includes(locale === 'zh-CN' ? simplify(w).text : w.toLowerCase()));
}

function showsFault(t: ScoredTurn, fault: string): boolean {
  return t.evaluation.findings.some((f) => f.evaluator === fault && f.polarity === 'bad');
}

/** Faults that undo whatever else the reply does. */
const HOSTILE = new Set(['blame-customer', 'flat-denial', 'insult', 'threat']);

/** Whether one reply meets the moment's conditions other than its state. */
function meets(k: KeyMoment, t: ScoredTurn, locale: RuleLocale): boolean {
  const w = k.when;
  // A bare list of keywords says nothing to the customer, so it meets no moment that asks for something said.
  if ((w.intent || w.words || w.shows) && keywordTurn(t, locale)) return false;
  // Nor does a reply that blames, contradicts or insults the customer: the move is lost in it.
  if ((w.intent || w.words || w.shows) && t.evaluation.findings.some((f) => f.polarity === 'bad' && HOSTILE.has(f.rule))) return false;
  if (w.intent && !w.intent.some((i) => t.intents?.includes(i))) return false;
  if (w.words && !hasWords(t.reply, w.words[locale], locale)) return false;
  for (const s of w.shows ?? []) {
    if (s === 'listening' ? !listens(t.listening) : !t.evaluation.detected[s]) return false;
  }
  if ((w.avoids ?? []).some((a) => showsFault(t, a))) return false;
  return true;
}

function inState(k: KeyMoment, t: ScoredTurn): boolean {
  return !k.when.state || (t.state !== undefined && k.when.state.includes(t.state));
}

export function keyMomentResults(moments: KeyMoment[] | undefined, turns: ScoredTurn[], locale: RuleLocale): KeyMomentResult[] {
  return (moments ?? []).map((k) => {
    const label = k.label[locale];
    if (k.every) {
      const due = turns.filter((t) => inState(k, t));
      if (!due.length) return { id: k.id, label, met: turns.length > 0, turn: null, ...(turns.length ? { arose: false as const } : {}) };
      const failed = due.find((t) => !meets(k, t, locale));
      return { id: k.id, label, met: !failed, turn: failed ? null : (due[due.length - 1]?.turn ?? null) };
    }
    const deadline = k.before ? firstWith(turns, k.before)?.turn : undefined;
    const from = k.after ? firstWith(turns, k.after)?.turn : undefined;
    if (k.after && from === undefined) return { id: k.id, label, met: false, turn: null };
    const hit = turns.find(
      (t) =>
        (deadline === undefined || t.turn <= deadline) && (from === undefined || t.turn >= from) && inState(k, t) && meets(k, t, locale),
    );
    return { id: k.id, label, met: !!hit, turn: hit?.turn ?? null };
  });
}

/** The first reply recognised with the intent. */
function firstWith(turns: ScoredTurn[], intent: string): ScoredTurn | undefined {
  return turns.find((t) => t.intents?.includes(intent));
}

/** The turns that answered the states the moment is due in. */
export function dueTurns(k: KeyMoment, turns: ScoredTurn[]): ScoredTurn[] {
  return turns.filter((t) => inState(k, t));
}

/**
 * A turn a tip about something missed may quote: it said something of the trainee's own. A
 * greeting, a reply that only asks or plays back, and a bare list of keywords are not where a
 * moment was missed.
 */
export function aptTurn(t: ScoredTurn, locale: RuleLocale): boolean {
  const reading = turnReading(t, locale);
  return !reading.greetingOnly && !reading.onlyAsks && !reading.keywordList;
}

const faulted = (t: ScoredTurn) => t.evaluation.findings.some(isFault);

/**
 * The turn where a missed moment was missed, or undefined when no turn is apt: for a moment held
 * over every turn, the turn that broke it; for a moment due before a move, the turn that made the
 * move too early; for sympathy, the first apt turn where feelings were on the table and not met;
 * otherwise the first apt turn that went wrong (a fault or a refusal), else the last apt turn. A
 * turn that met another moment (`metAt`) is not where this one was missed, unless it broke it.
 */
export function missedAt(
  k: KeyMoment,
  turns: ScoredTurn[],
  locale: RuleLocale,
  metAt: ReadonlySet<number> = new Set(),
): ScoredTurn | undefined {
  const due = dueTurns(k, turns);
  if (k.every) return due.find((t) => !meets(k, t, locale) && aptTurn(t, locale));
  // A turn that met another moment is shown ✓ on the card; quoting it for this miss would contradict that.
  const apt = due.filter((t) => aptTurn(t, locale) && !metAt.has(t.turn));
  if (k.before) {
    const early = firstWith(turns, k.before);
    if (early) return aptTurn(early, locale) ? early : undefined;
  }
  // Made before what it must follow: the turn that made it too early is where it was missed.
  if (k.after) {
    const from = firstWith(turns, k.after)?.turn ?? Infinity;
    const early = due.find((t) => t.turn < from && meets(k, t, locale));
    if (early) return aptTurn(early, locale) ? early : undefined;
  }
  if (k.dimension === 'empathy' || k.when.shows?.includes('empathy'))
    return apt.find((t) => t.evaluation.applicable.empathy && !t.evaluation.detected.empathy);
  // With nothing gone wrong, the last chance it had is where it was missed: quoting an early turn
  // would ask for the closing move before the case was even heard.
  return apt.find((t) => faulted(t) || turnReading(t, locale).refuses) ?? apt.at(-1);
}
