// Scenario rule settings for scoring outside a live session (batch scoring, the
// corpus). Sources, first found wins per scenario id: the scenario library's
// loader (scenarios/index.ts), the `evaluation:` blocks of
// scenarios/library/*.yaml, and the defaults in evaluators/lexicons/scenarios/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { ScenarioRules } from '../../evaluators/index.ts';
import { loadLibrary, scenarioRules } from '../../scenarios/index.ts';

type Lookup = (id: string) => ScenarioRules | undefined;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULTS_DIR = join(ROOT, 'evaluators', 'lexicons', 'scenarios');
const LIBRARY_DIR = join(ROOT, 'scenarios', 'library');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `<dir>/*.yaml`; `pick` extracts the rules from one parsed file. Unreadable files are skipped. */
function readRulesDir(
  dir: string,
  pick: (data: Record<string, unknown>) => ScenarioRules | undefined,
  into: Map<string, ScenarioRules>,
): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()) {
    try {
      const data = parse(readFileSync(join(dir, name), 'utf8')) as unknown;
      if (!isRecord(data)) continue;
      const rules = pick(data);
      if (rules && !into.has(rules.scenarioId)) into.set(rules.scenarioId, rules);
    } catch {
      // A broken scenario file is the validate command's business; score with general rules.
    }
  }
}

export async function scenarioRulesLookup(): Promise<{ lookup: Lookup; known: (id: string) => boolean }> {
  const rules = new Map<string, ScenarioRules>();
  const libraryIds = new Set<string>();
  try {
    const { scenarios } = loadLibrary();
    for (const [id, scenario] of scenarios) {
      libraryIds.add(id);
      try {
        rules.set(id, { ...scenarioRules(scenario), scenarioId: id });
      } catch {
        // Fall through to the other sources for this id.
      }
    }
  } catch {
    // The library does not load: read the files directly below.
  }
  readRulesDir(
    LIBRARY_DIR,
    (data) => {
      const id = typeof data.id === 'string' ? data.id : undefined;
      if (id) libraryIds.add(id);
      return id && isRecord(data.evaluation) ? ({ ...data.evaluation, scenarioId: id } as ScenarioRules) : undefined;
    },
    rules,
  );
  readRulesDir(DEFAULTS_DIR, (data) => (typeof data.scenarioId === 'string' ? (data as unknown as ScenarioRules) : undefined), rules);
  return { lookup: (id) => rules.get(id), known: (id) => rules.has(id) || libraryIds.has(id) };
}
