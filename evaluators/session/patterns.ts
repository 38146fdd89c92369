// Patterns a trainer recognises across a whole session and a single reply's score cannot see:
// a reply that is only a list of keywords, and the same sympathy formula pasted turn after turn.
import type { RuleLocale, ScoredTurn } from '../types.ts';
import { simplify } from '../text/simplify.ts';
import { analyseReply } from '../analysis/analyse.ts';
import { caseConcepts, listens } from '../analysis/listening.ts';

const PERSON: Record<RuleLocale, RegExp> = {
  'zh-CN': /[我您你咱他她]|大家|师傅|先生|女士|阿姨/,
  en: /\b(?:i|i'm|i'll|i've|me|my|you|your|you're|we|we'll|we're|us|our|let's|let me)\b/i,
};
/** Words that make a fragment a sentence rather than a bare term: order, time, manner, aspect. */
const LINKING: Record<RuleLocale, RegExp> = {
  'zh-CN': /[先再就才把被将会要能了过着吗呢吧的地得都也还又]|然后|马上|现在|立刻/,
  en: /\b(?:then|now|first|will|can|is|are|was|be|to|it|this|that|the)\b/i,
};

/**
 * A reply made of three or more fragments, most of them bare terms (a few characters or one or two
 * words, or a short term with no one acting and nothing linking it), at least two naming something
 * of the case: "小票,钱箱,核对,清点。", "商务助理，导入通讯录，群发短信，通知新号码。",
 * "Receipt, till, count, refund." It names the scenario's keywords without saying anything to the
 * customer.
 */
export function keywordList(reply: string, locale: RuleLocale): boolean {
  const text = locale === 'zh-CN' ? simplify(reply).text : reply;
  const fragments = text
    .split(locale === 'zh-CN' ? /[,，、。.;；!！?？\s/]+/ : /[,;.!?/]+|\s+-\s+/)
    .map((f) => f.trim())
    .filter(Boolean);
  if (fragments.length < 3) return false;
  const size = (f: string) => (locale === 'zh-CN' ? [...f].length : f.split(/\s+/).length);
  const bare = fragments.filter(
    (f) =>
      !PERSON[locale].test(f) &&
      (size(f) <= (locale === 'zh-CN' ? 4 : 2) || (size(f) <= (locale === 'zh-CN' ? 6 : 3) && !LINKING[locale].test(f))),
  );
  if (bare.length < Math.ceil(fragments.length * 0.75)) return false;
  // Terms of the case, not filler ("OK, sure, no problem"): at least two fragments name something of it.
  return bare.filter((f) => caseTerms(f, locale)).length >= 2;
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

/** Whether a scored turn is a keyword list. */
export const keywordTurn = perTurn((t, locale) => keywordList(t.reply, locale));

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
    if (!t.evaluation.detected.empathy) return 0;
    const keys = [...new Set([...empathyWords(t), ...hollowSympathy(t)])];
    const repeats = keys.length ? Math.max(...keys.map((k) => seen.get(k) ?? 0)) : 0;
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    return repeats;
  });
}

/** The same formula in three or more turns is pasted, not felt. */
export const PASTED_AFTER = 2;

/** Whether a fragment names something of the case (a concept other than an act). */
function caseTerms(fragment: string, locale: RuleLocale): boolean {
  return caseConcepts(analyseReply(fragment, locale).clauses).size > 0;
}
