// Which scenario `roleplay play` (and `roleplay test`) means: a library id, or a file path.
// A file with errors is reported with its errors (file:line:column), never as "unknown".
import { basename, resolve } from 'node:path';
import { loadLibrary, loadScenarioFile, type Scenario, type ValidationError } from '../scenarios/index.ts';

export type Found = { scenario: Scenario } | { errors: ValidationError[] } | { unknown: string; known: string[] };

const isPath = (arg: string) => /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\');

export function scenarioForPlay(arg: string, cwd: string): Found {
  if (isPath(arg)) {
    const loaded = loadScenarioFile(resolve(cwd, arg), cwd);
    return loaded.scenario ? { scenario: loaded.scenario } : { errors: loaded.errors };
  }
  const library = loadLibrary();
  const scenario = library.scenarios.get(arg);
  if (scenario) return { scenario };
  const errors = library.errors.filter((e) => basename(e.file).replace(/\.ya?ml$/i, '') === arg);
  if (errors.length) return { errors };
  return { unknown: arg, known: [...library.scenarios.keys()] };
}
