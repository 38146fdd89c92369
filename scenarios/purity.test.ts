// The core (scenarios/, evaluators/ and the lib/ they share) must stay pure: no Bot Framework, server, database or bot/ imports.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const EDGE =
  /^(botbuilder|botframework-|restify|pg$|pg\/|better-sqlite3|ws$|node:worker_threads|worker_threads|node:child_process|child_process)|(^|\/)(bot|cli)\//;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sources(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

it('scenarios/, evaluators/ and lib/ import nothing from the edge', () => {
  const offenders: string[] = [];
  for (const file of [...sources(join(root, 'scenarios')), ...sources(join(root, 'evaluators')), ...sources(join(root, 'lib'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) if (EDGE.test(m[1]!)) offenders.push(`${file}: ${m[1]}`);
  }
  expect(offenders).toEqual([]);
});
