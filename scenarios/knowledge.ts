// What the customer knows: a question about one of the scenario's facts is answered
// from the facts; a question about something the customer cannot know gets "how
// would I know"; small talk gets impatience; restating the customer's words gets a
// confirmation; asking what they came for gets the demand again. The state does not change.
import { matchPattern, patternConcepts, REQUIRED_CONCEPTS, type ReplyAnalysis } from '../evaluators/index.ts';
import type { Fact, Scenario } from './model.ts';

export interface Answer {
  kind: 'fact' | 'unknown' | 'irrelevant' | 'restated' | 'purpose';
  fact?: Fact & { answers: NonNullable<Fact['answers']> };
}

/** Concepts that name this scenario's subject matter (what its intents and facts talk about). */
const topics = new WeakMap<Scenario, Set<string>>();
function topicsOf(scenario: Scenario): Set<string> {
  let set = topics.get(scenario);
  if (!set) {
    const acts = new Set<string>(REQUIRED_CONCEPTS);
    set = new Set(
      [...scenario.intents.flatMap((i) => i.patterns), ...scenario.facts.flatMap((f) => f.asks ?? [])]
        .flatMap((p) => [...(p.all ?? []), ...(p.any ?? []), ...(p.seq ?? [])])
        .filter((id) => !acts.has(id)),
    );
    topics.set(scenario, set);
  }
  return set;
}

/** The customer's answer to the questions in a reply; undefined when the reply asks nothing. */
export function answerQuestion(scenario: Scenario, analysis: ReplyAnalysis): Answer | undefined {
  // A question that proposes our own action (shall we phone the owner?) is an offer, not a request for facts.
  const asking = analysis.clauses.filter((c) => (c.acts.includes('question') || c.acts.includes('restate')) && !c.acts.includes('offer'));
  // "What can I do for you?" offers help in the form of a question: it asks for the demand itself.
  const purpose = analysis.clauses.some((c) => c.acts.includes('question') && c.concepts.some((h) => h.id === 'ask-purpose' && !h.negated));
  if (!asking.length) return purpose ? { kind: 'purpose' } : undefined;
  const has = (id: string) => asking.some((c) => c.concepts.some((h) => h.id === id && !h.negated));
  // "Do you know …?" asks for what the customer cannot know (the till's contents, the back office).
  if (has('ask-know') || has('system')) return { kind: 'unknown' };
  let best: { fact: Fact; score: number } | undefined;
  for (const fact of scenario.facts) {
    if (!fact.asks?.length || !fact.answers?.length) continue;
    for (const pattern of fact.asks) {
      const where = matchPattern(analysis, { within: 'sentence', ...pattern });
      if (!where || !where.some((c) => asking.includes(c))) continue;
      const score = patternConcepts(pattern).length + (pattern.amount !== undefined ? 1 : 0);
      if (!best || score > best.score) best = { fact, score };
    }
  }
  if (best) return { kind: 'fact', fact: best.fact as Answer['fact'] };
  if (purpose) return { kind: 'purpose' };
  if (asking.some((c) => c.acts.includes('restate'))) return { kind: 'restated' };
  if (has('smalltalk')) return { kind: 'irrelevant' };
  // About this case but not something the customer was told: "how would I know"; about anything else: small talk.
  const topical = asking.some((c) => c.concepts.some((h) => topicsOf(scenario).has(h.id)));
  return { kind: topical ? 'unknown' : 'irrelevant' };
}
