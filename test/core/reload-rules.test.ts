// A trainer edits the rule files while the server runs: the reload takes all of them or
// none. A copy of the shipped folder is edited here, so the shipped rules are untouched.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCopies, relative } from '../support/lexicon-fixtures.ts';
import { evaluateReply, LEXICON_DIR, reloadRules } from '../../evaluators/index.ts';
import { loadConcepts } from '../../evaluators/analysis/concepts.ts';
import { loadContextWords } from '../../evaluators/lexicon/context-words.ts';

const copies = fixtureCopies('reload-rules-');
afterAll(() => copies.removeAll());

/** Replaces the one occurrence of `from` in a file of the folder. */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text.split(from)).toHaveLength(2);
  writeFileSync(path, text.replace(from, to));
}

describe('reloading the rule files', () => {
  it('keeps every previous rule when one edited file has a problem, and takes every edit once none has', () => {
    const dir = copies.copyOf(LEXICON_DIR);
    const concepts = loadConcepts(dir);
    const words = loadContextWords('en', dir);
    // A sound edit of a concept file and of the context words, and a duplicate phrase in a word list.
    edit(dir, 'en/concepts/acts.yaml', 'phrases: [since when,', 'phrases: [since when, out of interest,');
    edit(dir, 'en/context.yaml', 'effort: [do my best,', 'effort: [do my best, give it my all,');
    edit(dir, 'en/empathy.yaml', 'phrases: [i understand,', 'phrases: [i understand, i understand,');

    const problems = reloadRules(dir);
    expect(relative(dir, problems).join('\n')).toMatch(/^en\/empathy\.yaml:\d+: .*i understand/m);
    expect(loadConcepts(dir)).toBe(concepts);
    expect(loadContextWords('en', dir)).toBe(words);

    edit(dir, 'en/empathy.yaml', 'phrases: [i understand, i understand,', 'phrases: [i understand,');
    expect(reloadRules(dir)).toEqual([]);
    expect(loadConcepts(dir)).not.toBe(concepts);
    expect(loadContextWords('en', dir).effort).toContain('give it my all');
  });

  it('scores replies as before once the shipped files are read again', () => {
    const jargon = (reply: string) =>
      evaluateReply(reply, { locale: 'en', customer: 'My phone is dead.' })
        .findings.filter((f) => f.evaluator === 'jargon')
        .map((f) => f.text);
    expect(reloadRules()).toEqual([]);
    // The word lists are new copies: what is read from them is worked out again.
    expect(jargon('Put the SIM back in and check the PIN.')).toEqual([]);
    expect(jargon('I will NOT charge you twice.')).toEqual([]);
    expect(jargon('Your QMS record is fine.')).toEqual(['QMS']);
  });
});
