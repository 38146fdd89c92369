// The vitest configuration StrykerJS uses: the fast core unit tests (no server,
// browser, database or child process), listed in test/mutation-suite.ts. Test
// files share one module context (isolate: false), so a mutant run does not load
// the core again: Stryker's mutants switch at run time, and the mutants that only
// act while a module loads (static mutants) are measured by the full, isolated run
// (see docs/testing.md).
import { defineConfig } from 'vitest/config';
import { CORE_TESTS } from './test/mutation-suite.ts';

export default defineConfig({
  test: {
    include: CORE_TESTS,
    isolate: false,
    testTimeout: 60_000,
  },
});
