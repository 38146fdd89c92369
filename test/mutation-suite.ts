// The tests StrykerJS runs against the mutants of scenarios/ and evaluators/: the
// fast core tests, with no server, browser, database or child process. New tests
// next to the core code or in test/core/ are picked up by the globs.
export const CORE_TESTS = [
  'scenarios/**/*.test.ts',
  'evaluators/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/docs-examples.test.ts',
  'test/transcripts/engine.test.ts',
  'test/property-engine.test.ts',
  'test/property-evaluators.test.ts',
  'test/corpus.test.ts',
  'test/corpus-flags.test.ts',
  // The independently written understanding corpora and session pairs: the engine,
  // the intents, the customer's knowledge and the session scoring, end to end.
  'test/understanding/understanding.test.ts',
  'test/session-pairs.test.ts',
  // Loading refuses unsafe patterns in lexicons and scenarios with file:line.
  'test/patterns-at-load.test.ts',
];

// The whole-corpus and property tests, slowest last: they cover nearly every line of
// the core, so they run only after the unit tests have had their chance to kill a
// mutant.
export const SLOW_CORE_TESTS = [
  'test/patterns-at-load.test.ts',
  'test/corpus.test.ts',
  'scenarios/mood.test.ts',
  'test/session-pairs.test.ts',
  'test/corpus-flags.test.ts',
  'test/property-evaluators.test.ts',
  'test/property-engine.test.ts',
  'test/understanding/understanding.test.ts',
];
