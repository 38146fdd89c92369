// The vitest configuration StrykerJS uses: the fast core unit tests (no server,
// browser, database or child process), listed in test/mutation-suite.ts. Test
// files share one module context (isolate: false), so a mutant run does not load
// the core again: Stryker's mutants switch at run time, and the mutants that only
// act while a module loads (static mutants) are measured by the full, isolated run
// (see docs/testing.md).
//
// Stryker stops a mutant's run at its first failing test, so the files run cheapest
// first: a mutant a unit test kills never waits for the whole-corpus tests, which
// run last (SLOW_CORE_TESTS).
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { CORE_TESTS, SLOW_CORE_TESTS } from './test/mutation-suite.ts';

class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => {
      const at = SLOW_CORE_TESTS.findIndex((slow) => file.moduleId.endsWith(slow));
      return at === -1 ? -1 : at;
    };
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    include: CORE_TESTS,
    isolate: false,
    pool: 'threads',
    testTimeout: 60_000,
    sequence: { sequencer: CheapestFirst },
  },
});
