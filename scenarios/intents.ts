// Recognises a scenario's intents in a reply: each intent is a list of patterns over
// the reply's analysis (concepts, acts, amounts, inside one clause), the same
// analysis the evaluators make. Deterministic; negated or customer-attributed
// concepts never count.
import { analyseReply, matchAny, type InputLocale, type ReplyAnalysis } from '../evaluators/index.ts';
import type { Intent } from './model.ts';

export interface Recognised {
  id: string;
  /** Index of the pattern that matched, and the clause(s) where. */
  pattern: number;
  clause: string;
}

/** The intents found in an analysed reply, in the scenario's order. */
export function recogniseAnalysis(analysis: ReplyAnalysis, intents: Intent[]): Recognised[] {
  const found: Recognised[] = [];
  for (const intent of intents) {
    const hit = matchAny(analysis, intent.patterns);
    if (hit) found.push({ id: intent.id, pattern: hit.pattern, clause: hit.clauses.map((c) => c.text.trim()).join('，') });
  }
  return found;
}

/** The ids of the intents found in the reply. */
export function recognise(text: string, locale: InputLocale, intents: Intent[]): string[] {
  return recogniseAnalysis(analyseReply(text, locale), intents).map((r) => r.id);
}
