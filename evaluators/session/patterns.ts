// Patterns a trainer recognises across a whole session and a single reply's score cannot see:
// a reply that is only a list of keywords, and the same sympathy formula pasted turn after turn.
import type { RuleLocale, ScoredTurn } from '../types.ts';
import { analyseReply } from '../analysis/analyse.ts';
import { listens, replyReading } from '../analysis/listening.ts';

/**
 * A reply that is nothing but bare keywords ("小票，钱箱，核对，清点。", "Receipt, till, count,
 * refund."): the one reading the customer engine also uses (ReplyAnalysis.keywordList), so a reply
 * that moves no customer is also the one the card gives no credit for.
 */
export function keywordList(reply: string, locale: RuleLocale): boolean {
  return analyseReply(reply, locale).keywordList;
}

/**
 * `read` done once per turn object and locale. The session judge, every key moment and the tips
 * ask about the same turn objects, so a card reads each turn once; what was read goes with the turn.
 */
export function perTurn<T>(read: (t: ScoredTurn, locale: RuleLocale) => T): (t: ScoredTurn, locale: RuleLocale) => T {
  const kept = new WeakMap<ScoredTurn, { locale: RuleLocale; value: T }>();
  return (t, locale) => {
    const hit = kept.get(t);
    // Stryker disable next-line ConditionalExpression: reading again gives the same value, only slower.
    if (hit?.locale === locale) return hit.value;
    const value = read(t, locale);
    kept.set(t, { locale, value });
    return value;
  };
}

/** What kind of reply a scored turn was: as read when it was played, or read now for a turn that did not keep it. */
export const turnReading = perTurn((t, locale) => t.reading ?? replyReading(analyseReply(t.reply, locale)));

/** Whether a scored turn is a keyword list. */
export const keywordTurn = (t: ScoredTurn, locale: RuleLocale): boolean => turnReading(t, locale).keywordList;

function normal(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The sympathy a reply shows: its empathy credits. */
function sympathyFindings(turn: ScoredTurn) {
  return turn.evaluation.findings.filter((f) => f.evaluator === 'empathy' && f.polarity === 'good');
}

/** The sympathy clauses of a turn (where its empathy findings are), normalised so punctuation doesn't hide a paste. */
export function empathyWords(turn: ScoredTurn): string[] {
  return sympathyFindings(turn)
    .filter((f) => f.text)
    .map((f) => normal(f.text))
    .filter((t) => t.length >= 2);
}

/**
 * The kinds of sympathy (apology, understanding, reassurance…) of a reply that does nothing else:
 * no step and no question or play-back. Said turn after turn in new words, it is still one
 * formula pasted ("Sorry for the inconvenience", "Apologies for any inconvenience caused").
 */
export function hollowSympathy(turn: ScoredTurn): string[] {
  if (turn.evaluation.detected.problemSolving || listens(turn.listening)) return [];
  return sympathyFindings(turn).map((f) => `kind:${f.rule}`);
}

/**
 * For each turn, how many earlier turns already used the same sympathy formula: the same clause
 * of sympathy, punctuation aside, or the same kind of sympathy in a reply that offers nothing else.
 */
export function empathyRepeats(turns: ScoredTurn[]): number[] {
  const seen = new Map<string, number>();
  return turns.map((t) => {
    const keys = [...new Set([...empathyWords(t), ...hollowSympathy(t)])];
    const repeats = keys.length ? Math.max(...keys.map((k) => seen.get(k) ?? 0)) : 0;
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    return repeats;
  });
}

/** The same formula in three or more turns is pasted, not felt. */
export const PASTED_AFTER = 2;
