// The fast core unit tests that StrykerJS runs against every mutant of scenarios/
// and evaluators/: no server, browser, database or child process.
import { defineConfig } from 'vitest/config';

export const CORE_TESTS = [
  'scenarios/**/*.test.ts',
  'evaluators/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/corpus.test.ts',
  'test/corpus-flags.test.ts',
  'test/property-*.test.ts',
  'test/transcripts/engine.test.ts',
];

export default defineConfig({
  test: {
    include: CORE_TESTS,
    testTimeout: 60_000,
    pool: 'forks',
  },
});
