// Reading the rules again while the server runs (a trainer edited a lexicon, context-word or
// concept file): all of them or none. A file with a problem the previous files did not have
// is refused, and the previous rules keep scoring.
import { reloadConcepts } from '../analysis/concepts.ts';
import { reloadContextWords } from './context-words.ts';
import { LEXICON_DIR, reloadLexicons } from './load.ts';

/** The problems that refused the reload (each naming its file, with the line where known); empty when it took. */
export function reloadRules(dir: string = LEXICON_DIR): string[] {
  const steps = [reloadConcepts(dir), reloadLexicons(dir), reloadContextWords(dir)];
  const problems = steps.flatMap((s) => s.problems);
  if (problems.length) for (const s of steps) s.restore();
  return problems;
}
