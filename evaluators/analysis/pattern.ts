// Patterns over the analysis of a reply: concepts (all of, any of, in order, none
// of), the act, and amounts, inside one clause (or one sentence). A concept that is
// negated or attributed to the customer does not count.
import type { Act, Clause, ConceptHit, ReplyAnalysis } from './analyse.ts';

export interface ConceptPattern {
  /** Every one of these concepts. */
  all?: string[];
  /** At least one of these. */
  any?: string[];
  /** These concepts in this order. */
  seq?: string[];
  /** None of these. */
  none?: string[];
  /** The clause carries one of these acts. */
  acts?: Act[];
  /** An amount said in the clause (50 matches 五十, fifty, ¥50, 50块). */
  amount?: number;
  /** Where the clauses holding what is required name a sum, one of them is this one ("Here's twenty back" refunds no fifty). */
  onlyAmount?: number;
  /** clause (default): everything inside one clause; sentence: inside one sentence; reply: anywhere in the reply. */
  within?: 'clause' | 'sentence' | 'reply';
}

export function patternConcepts(p: ConceptPattern): string[] {
  return [...(p.all ?? []), ...(p.any ?? []), ...(p.seq ?? []), ...(p.none ?? [])];
}

/** A concept the trainee says (not negated, not the customer's words) in this clause. */
const said = (h: ConceptHit, id: string): boolean => h.id === id && !h.negated && !h.byCustomer;

/** Whether any of the parts says the concept (the trainee's own words, not negated). */
export function says(parts: Clause[], id: string): boolean {
  for (const c of parts) for (const h of c.concepts) if (said(h, id)) return true;
  return false;
}

/** Where the parts first say the concept after offset `after` (in clause order), or -1. */
function firstAfter(parts: Clause[], id: string, after: number): number {
  for (const c of parts) for (const h of c.concepts) if (said(h, id) && h.start > after) return h.start;
  return -1;
}

/**
 * The clauses that hold a concept the pattern requires: over several clauses "none" and "onlyAmount" look there only
 * (a condition elsewhere in the reply does not undo "here is your fifty", nor does "the till is fifty over" make
 * "here's twenty back" a refund of it). A single clause that got this far holds one already.
 */
function holding(p: ConceptPattern, parts: Clause[]): Clause[] {
  const required = [...(p.all ?? []), ...(p.seq ?? [])];
  return required.length ? parts.filter((c) => c.concepts.some((h) => required.includes(h.id))) : parts;
}

function holds(p: ConceptPattern, parts: Clause[]): boolean {
  if (p.all && !p.all.every((id) => says(parts, id))) return false;
  if (p.any && !p.any.some((id) => says(parts, id))) return false;
  if (p.none) {
    const core = holding(p, parts);
    if (p.none.some((id) => core.some((c) => c.concepts.some((h) => h.id === id && !h.negated)))) return false;
  }
  if (p.onlyAmount !== undefined) {
    const sums = holding(p, parts).flatMap((c) => c.numbers);
    if (sums.length && !sums.includes(p.onlyAmount)) return false;
  }
  if (p.seq) {
    let at = -1;
    for (const id of p.seq) {
      at = firstAfter(parts, id, at);
      if (at === -1) return false;
    }
  }
  if (p.acts && !parts.some((c) => c.acts.some((a) => p.acts!.includes(a)))) return false;
  if (p.amount !== undefined && !parts.some((c) => c.numbers.includes(p.amount!))) return false;
  return true;
}

/** The first clause (or sentence, as its clauses) where the pattern holds; undefined when it holds nowhere. */
export function matchPattern(analysis: ReplyAnalysis, p: ConceptPattern): Clause[] | undefined {
  if (p.within === 'reply') return holds(p, analysis.clauses) ? analysis.clauses : undefined;
  if (p.within === 'sentence') {
    const sentences = new Map<number, Clause[]>();
    for (const c of analysis.clauses) sentences.set(c.sentence, [...(sentences.get(c.sentence) ?? []), c]);
    for (const parts of sentences.values()) if (holds(p, parts)) return parts;
    return undefined;
  }
  for (const c of analysis.clauses) if (holds(p, [c])) return [c];
  return undefined;
}

/** The first of the patterns that holds, with where; undefined when none does. */
export function matchAny(analysis: ReplyAnalysis, patterns: ConceptPattern[]): { pattern: number; clauses: Clause[] } | undefined {
  for (const [i, p] of patterns.entries()) {
    const clauses = matchPattern(analysis, p);
    if (clauses) return { pattern: i, clauses };
  }
  return undefined;
}

/** Why a pattern can never match, or undefined when it can. */
export function impossiblePatternReason(p: ConceptPattern): string | undefined {
  const required = [...(p.all ?? []), ...(p.seq ?? [])];
  if (!required.length && !p.any?.length && !p.acts?.length && p.amount === undefined)
    return 'asks for nothing (give all, any, seq, acts or amount)';
  const both = (p.none ?? []).find((id) => required.includes(id) || (p.any?.length === 1 && p.any[0] === id));
  if (both) return `requires and forbids the concept "${both}"`;
  if (p.any && p.none && p.any.every((id) => p.none!.includes(id))) return 'forbids every concept it accepts';
  if (
    p.acts?.length === 1 &&
    p.acts[0] === 'statement' &&
    required.some((id) => ['question', 'offer', 'refusal', 'apology', 'insult', 'threat'].includes(id))
  )
    return 'asks for a plain statement and for a concept that makes the clause another act';
  return undefined;
}
