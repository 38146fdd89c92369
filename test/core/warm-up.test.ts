// A server warms the evaluators up before it reports ready and logs the lexicon
// entries left out: warmUp reports exactly the problems the lexicon loader found.
import { describe, expect, it } from 'vitest';
import { lexiconProblems, warmUp } from '../../evaluators/index.ts';

describe('warm-up', () => {
  it('reports the lexicon problems, the same list the loader gives', () => {
    const problems = warmUp();
    expect(problems).toEqual(lexiconProblems());
    expect(Array.isArray(problems)).toBe(true);
  });
});
