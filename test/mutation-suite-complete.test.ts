// The mutation suite (test/mutation-suite.ts) imports every core unit test: a new
// test next to the core code, or in test/core/, is also run against the mutants.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function testsUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => relative(ROOT, join(ROOT, dir, f)));
}

it('imports every test of scenarios/, evaluators/ and test/core/', () => {
  const suite = readFileSync(join(ROOT, 'test/mutation-suite.ts'), 'utf8');
  const imported = new Set([...suite.matchAll(/^import '([^']+)';$/gm)].map((m) => relative(ROOT, join(ROOT, 'test', m[1]!))));
  const missing = ['scenarios', 'evaluators', 'test/core'].flatMap(testsUnder).filter((f) => !imported.has(f));
  expect(missing).toEqual([]);
});
