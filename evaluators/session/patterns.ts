// Patterns a trainer recognises across a whole session and a single reply's score cannot see:
// a reply that is only a list of keywords, and the same sympathy formula pasted turn after turn.
import type { RuleLocale, ScoredTurn } from '../types.ts';
import { simplify } from '../text/simplify.ts';

const PERSON: Record<RuleLocale, RegExp> = {
  'zh-CN': /[我您你咱他她]|大家|师傅|先生|女士|阿姨/,
  en: /\b(?:i|i'm|i'll|i've|me|my|you|your|you're|we|we'll|we're|us|our|let's|let me)\b/i,
};

/**
 * A reply made of three or more bare fragments (a few characters or one or two words each) with no
 * one doing or addressed: "小票,钱箱,核对,清点。", "Receipt, till, count, refund." It names the
 * scenario's keywords without saying anything to the customer.
 */
export function keywordList(reply: string, locale: RuleLocale): boolean {
  const text = locale === 'zh-CN' ? simplify(reply).text : reply;
  if (PERSON[locale].test(text)) return false;
  const fragments = text
    .split(locale === 'zh-CN' ? /[,，、。.;；!！?？\s/]+/ : /[,;.!?/]+|\s+-\s+/)
    .map((f) => f.trim())
    .filter(Boolean);
  if (fragments.length < 3) return false;
  const short = (f: string) => (locale === 'zh-CN' ? [...f].length <= 4 : f.split(/\s+/).length <= 2);
  return fragments.filter(short).length >= Math.ceil(fragments.length * 0.75);
}

function normal(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The sympathy clauses of a turn (where its empathy findings are), normalised so punctuation doesn't hide a paste. */
export function empathyWords(turn: ScoredTurn): string[] {
  return turn.evaluation.findings
    .filter((f) => f.evaluator === 'empathy' && f.polarity === 'good' && f.text)
    .map((f) => normal(f.text))
    .filter((t) => t.length >= 2);
}

/**
 * For each turn, how many earlier turns already used the same sympathy formula (the same clause
 * of sympathy, punctuation aside).
 */
export function empathyRepeats(turns: ScoredTurn[]): number[] {
  const seen = new Map<string, number>();
  return turns.map((t) => {
    if (!t.evaluation.detected.empathy) return 0;
    const keys = [...new Set(empathyWords(t))];
    const repeats = keys.length ? Math.max(...keys.map((k) => seen.get(k) ?? 0)) : 0;
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    return repeats;
  });
}

/** The same formula in three or more turns is pasted, not felt. */
export const PASTED_AFTER = 2;
