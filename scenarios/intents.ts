// Recognises a scenario's intents in a reply: each intent is a list of patterns over
// the reply's analysis (concepts, acts, amounts, inside one clause), the same
// analysis the evaluators make. Deterministic; negated or customer-attributed
// concepts never count.
import {
  analyseReply,
  matchPattern,
  ownMoves,
  type Clause,
  type ConceptPattern,
  type InputLocale,
  type ReplyAnalysis,
} from '../evaluators/index.ts';
import type { Intent } from './model.ts';

export interface Recognised {
  id: string;
  /** Index of the pattern that matched, and the clause(s) where. */
  pattern: number;
  clause: string;
  /** The clauses themselves. */
  at: Clause[];
}

/** Patterns about asking or playing back look at the whole reply; the others at the trainee's own moves. */
function asksOrRestates(p: ConceptPattern): boolean {
  return Boolean(p.acts?.some((a) => a === 'restate' || a === 'question' || a === 'confirm'));
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
  // What the reply only asks or plays back is not a move of the trainee's own.
  const own = ownMoves(analysis);
  for (const intent of intents) {
    const hit = firstMatch(intent.patterns, analysis, own);
    if (hit) found.push({ id: intent.id, pattern: hit.pattern, clause: hit.clauses.map((c) => c.text.trim()).join('，'), at: hit.clauses });
  }
  return found;
}

/** The ids of the intents found in the reply. */
export function recognise(text: string, locale: InputLocale, intents: Intent[]): string[] {
  return recogniseAnalysis(analyseReply(text, locale), intents).map((r) => r.id);
}
