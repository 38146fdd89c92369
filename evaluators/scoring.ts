// Turns findings into the five flags and 0–100 scores for one reply.
import type { Dimension, Finding, ReplyContext, ReplyEvaluation } from './types.ts';
import { DIMENSIONS } from './types.ts';
import { containsAny } from './engine/prepare.ts';
import { ruleLocale, textLocale } from './locale.ts';
import { loadContextWords } from './lexicon/context-words.ts';
import { simplify } from './text/simplify.ts';

/** Empathy applies when the customer showed emotion or difficulty (or we don't know what they said). */
export function customerShowsEmotion(context: ReplyContext): boolean {
  const said = context.customer;
  if (!said || !said.trim()) return true;
  const locale = ruleLocale(context.locale, () => textLocale(said));
  const text = locale === 'zh-CN' ? simplify(said).text : said;
  return containsAny(text, loadContextWords(locale).customerEmotion, locale);
}

export function scoreFindings(findings: Finding[], context: ReplyContext): ReplyEvaluation {
  const of = (d: Dimension) => findings.filter((f) => f.evaluator === d);
  const detected = Object.fromEntries(DIMENSIONS.map((d) => [d, of(d).length > 0])) as ReplyEvaluation['detected'];
  const applicable = Object.fromEntries(DIMENSIONS.map((d) => [d, true])) as ReplyEvaluation['applicable'];
  applicable.empathy = customerShowsEmotion(context);
  const interruptions = of('interrupting');
  const ownedSolution = of('problemSolving').some((f) => f.rule === 'follow-up' || f.rule === 'concrete-action');
  const scores: ReplyEvaluation['scores'] = {
    // A cut-in or a denial takes the floor from the customer: nothing of listening is left.
    interrupting:
      interruptions.length === 0
        ? 100
        : interruptions.some((f) => f.rule === 'cut-in')
          ? 0
          : Math.max(0, 30 - 15 * (interruptions.length - 1)),
    empathy: detected.empathy ? 100 : applicable.empathy ? 40 : 100,
    jargon: Math.max(0, 100 - 30 * of('jargon').length),
    promises: Math.max(0, 100 - 50 * of('promises').length),
    problemSolving: detected.problemSolving ? (ownedSolution ? 100 : 80) : 20,
  };
  return { detected, scores, applicable, findings };
}
