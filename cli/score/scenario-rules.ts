// Scenario rule settings for scoring outside a live session (batch scoring, the
// corpus): the `evaluation:` block of each scenario in the library, read by the
// same loader and the same function (scenarioRules) as a live session uses.
import type { ScenarioRules } from '../../evaluators/index.ts';
import { loadLibrary, scenarioRules } from '../../scenarios/index.ts';

type Lookup = (id: string) => ScenarioRules | undefined;

export async function scenarioRulesLookup(): Promise<{ lookup: Lookup; known: (id: string) => boolean }> {
  const rules = new Map<string, ScenarioRules>();
  const { scenarios } = loadLibrary();
  for (const [id, scenario] of scenarios) rules.set(id, { ...scenarioRules(scenario), scenarioId: id });
  return { lookup: (id) => rules.get(id), known: (id) => rules.has(id) };
}
