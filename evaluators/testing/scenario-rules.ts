// Scenario rule settings for scoring outside a live session (batch scoring, the
// corpus). The scenario library is optional here: without it, replies are
// scored with the general rules only.
import type { ScenarioRules } from '../types.ts';

type Lookup = (id: string) => ScenarioRules | undefined;

interface ScenarioModule {
  loadLibrary?: () => { scenarios: Map<string, unknown> };
  scenarioRules?: (scenario: never) => ScenarioRules;
}

export async function scenarioRulesLookup(): Promise<{ lookup: Lookup; known: (id: string) => boolean }> {
  try {
    // A variable specifier: the scenario library is another module's, and may not exist yet.
    const specifier = '../../scenarios/index.ts';
    const mod = (await import(specifier)) as ScenarioModule;
    if (mod.loadLibrary && mod.scenarioRules) {
      const { scenarios } = mod.loadLibrary();
      const rules = mod.scenarioRules;
      const cache = new Map<string, ScenarioRules>();
      return {
        known: (id) => scenarios.has(id),
        lookup: (id) => {
          const scenario = scenarios.get(id);
          if (!scenario) return undefined;
          if (!cache.has(id)) cache.set(id, rules(scenario as never));
          return cache.get(id);
        },
      };
    }
  } catch {
    // No scenario library yet: general rules only.
  }
  return { lookup: () => undefined, known: () => false };
}
