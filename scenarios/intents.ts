// Recognises a scenario's intents in a reply: each intent is a list of patterns over
// the reply's analysis (concepts, acts, amounts, inside one clause), the same
// analysis the evaluators make. Deterministic; negated or customer-attributed
// concepts never count.
import { analyseReply, matchPattern, type Clause, type ConceptPattern, type InputLocale, type ReplyAnalysis } from '../evaluators/index.ts';
import type { Intent } from './model.ts';

export interface Recognised {
  id: string;
  /** Index of the pattern that matched, and the clause(s) where. */
  pattern: number;
  clause: string;
}

/** Question words that ask the customer for a fact (how much, when, where, who, why): they say a question asks, not what about. */
export const FACT_QUESTION: ReadonlySet<string> = new Set(['how-much', 'when', 'where', 'who', 'why', 'want-q', 'often']);

/**
 * The reply without what it only asks or plays back: a clause that asks the customer
 * for a fact ("can I ask when the owner left?") does not do what it mentions, and a
 * question sentence that restates the customer's account ("您是说只找了您五块，是吗？")
 * reports their words, so neither holds the trainee's own moves. A clause or sentence
 * that also offers something keeps its concepts.
 */
function ownMoves(analysis: ReplyAnalysis): ReplyAnalysis {
  const offering = new Set(analysis.clauses.filter((c) => c.acts.includes('offer')).map((c) => c.sentence));
  const asking = new Set(analysis.clauses.filter((c) => c.acts.includes('question') && !offering.has(c.sentence)).map((c) => c.sentence));
  const restating = new Set(
    analysis.clauses
      .filter((c) => asking.has(c.sentence) && (c.acts.includes('restate') || c.concepts.some((h) => h.id === 'restate' && !h.negated)))
      .map((c) => c.sentence),
  );
  const asksForFacts = (c: Clause) =>
    c.acts.includes('question') && !c.acts.includes('offer') && c.concepts.some((h) => FACT_QUESTION.has(h.id) && !h.negated);
  if (!restating.size && !analysis.clauses.some(asksForFacts)) return analysis;
  const clauses = analysis.clauses.map((c) => (restating.has(c.sentence) || asksForFacts(c) ? { ...c, concepts: [], numbers: [] } : c));
  return { ...analysis, clauses };
}

/** Patterns about asking or playing back look at the whole reply; the others at the trainee's own moves. */
function asksOrRestates(p: ConceptPattern): boolean {
  return Boolean(p.acts?.some((a) => a === 'restate' || a === 'question'));
}

function firstMatch(
  patterns: ConceptPattern[],
  whole: ReplyAnalysis,
  own: ReplyAnalysis,
): { pattern: number; clauses: Clause[] } | undefined {
  for (const [pattern, p] of patterns.entries()) {
    const clauses = matchPattern(asksOrRestates(p) ? whole : own, p);
    if (clauses) return { pattern, clauses };
  }
  return undefined;
}

/** The intents found in an analysed reply, in the scenario's order. */
export function recogniseAnalysis(analysis: ReplyAnalysis, intents: Intent[]): Recognised[] {
  const found: Recognised[] = [];
  const own = ownMoves(analysis);
  for (const intent of intents) {
    const hit = firstMatch(intent.patterns, analysis, own);
    if (hit) found.push({ id: intent.id, pattern: hit.pattern, clause: hit.clauses.map((c) => c.text.trim()).join('，') });
  }
  return found;
}

/** The ids of the intents found in the reply. */
export function recognise(text: string, locale: InputLocale, intents: Intent[]): string[] {
  return recogniseAnalysis(analyseReply(text, locale), intents).map((r) => r.id);
}
