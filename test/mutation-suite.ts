// The suite StrykerJS runs against each mutant of scenarios/ and evaluators/: the
// fast core tests (no server, browser, database or child process), imported into
// one file so a mutant run loads the core once instead of once per test file.
// Cheap, focused tests come first: a run stops at the first failing test.
// test/mutation-suite-complete.test.ts checks that no core test is missing here.
import '../scenarios/checks.test.ts';
import '../scenarios/purity.test.ts';
import '../scenarios/engine.test.ts';
import '../scenarios/session-guard.test.ts';
import '../evaluators/lexicon/load.test.ts';
import '../evaluators/report/score-card.test.ts';
import './core/engine-behaviour.test.ts';
import './core/evaluator-behaviour.test.ts';
import './core/simplify.test.ts';
import './docs-examples.test.ts';
import './transcripts/engine.test.ts';
import './property-engine.test.ts';
import './property-evaluators.test.ts';
import './corpus.test.ts';
import './corpus-flags.test.ts';
