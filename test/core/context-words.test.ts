// The context word lists (lexicons/<locale>/context.yaml) as the rules read them: a
// trainer may leave a list empty, and an empty list must find nothing rather than
// match everywhere (an empty alternative matches at every word edge).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { containsAny } from '../../evaluators/engine/prepare.ts';
import { loadContextWords, reloadContextWords } from '../../evaluators/lexicon/context-words.ts';
import { LEXICON_DIR } from '../../evaluators/lexicon/load.ts';
import { relative } from '../support/lexicon-fixtures.ts';
import { tempDirs } from '../support/temp-dirs.ts';

describe('a context word list', () => {
  it('left empty, names nothing in either language', () => {
    expect(containsAny('We will refund you today.', [], 'en')).toBe(false);
    expect(containsAny('今天给您退款。', [], 'zh-CN')).toBe(false);
  });

  it('finds an English word only whole, a typographic apostrophe read as straight; a Chinese word anywhere', () => {
    expect(containsAny('That isn’t needed.', ["isn't"], 'en')).toBe(true);
    expect(containsAny('No notice needed.', ['not'], 'en')).toBe(false);
    expect(containsAny('不需要了。', ['不需要'], 'zh-CN')).toBe(true);
    // Chinese writes no spaces: a word right after a Latin one is still found.
    expect(containsAny('这个app不需要了。', ['不需要'], 'zh-CN')).toBe(true);
  });

  it('matches a word as written, whatever characters it holds', () => {
    // A trainer may list "i.e." or "e.g.": their full stops are text, not an expression.
    expect(containsAny('That is the fee, i.e. the monthly charge.', ['i.e.'], 'en')).toBe(true);
    expect(containsAny('A fee, e.g. the monthly charge.', ['e.g.'], 'en')).toBe(true);
    expect(containsAny('That is the fee, ie the monthly charge.', ['i.e.'], 'en')).toBe(false);
  });
});

describe('loading the context words', () => {
  const refusedDir = fileURLToPath(new URL('./fixtures/lexicons/context-refused', import.meta.url));
  const dirs = tempDirs('context-words-');
  afterEach(() => dirs.removeAll());

  it('refuses a file with every problem named, its file first', async () => {
    // A fresh module, as in a new process: the schema is compiled on first use and kept.
    vi.resetModules();
    const fresh = await import('../../evaluators/lexicon/context-words.ts');
    let problems: string[] = [];
    try {
      fresh.loadContextWords('en', refusedDir);
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    const said = relative(refusedDir, problems);
    expect(said.every((p) => p.startsWith('en/context.yaml: '))).toBe(true);
    expect(said).toContain('en/context.yaml: /locale must be equal to one of the allowed values');
    expect(said).toContain('en/context.yaml: /negators must NOT have duplicate items (items ## 1 and 0 are identical)');
    expect(said).toContain('en/context.yaml: /adjacentNegators/0 must NOT have fewer than 1 characters');
    expect(said).toContain('en/context.yaml: /hedges must be array');
    expect(said).toContain('en/context.yaml: (top) must NOT have additional properties');
    expect(said).toContain("en/context.yaml: (top) must have required property 'postNegators'");
    expect(said).toContain("en/context.yaml: (top) must have required property 'nameAfter'");
  });

  it('read again with a problem, keeps the words it had until told to restore them', () => {
    const dir = dirs.make();
    cpSync(join(LEXICON_DIR, 'en', 'context.yaml'), join(dir, 'en', 'context.yaml'), { recursive: true });
    // A locale's file missing is a problem named with its path.
    expect(reloadContextWords(dir).problems).toEqual([expect.stringMatching(/ENOENT.*zh-CN[/\\]context\.yaml/)]);
    cpSync(join(LEXICON_DIR, 'zh-CN', 'context.yaml'), join(dir, 'zh-CN', 'context.yaml'), { recursive: true });
    const shipped = loadContextWords('en');
    const before = loadContextWords('en', dir);
    expect(reloadContextWords(dir).problems).toEqual([]);
    // Only the folder read again is read again.
    expect(loadContextWords('en')).toBe(shipped);
    const reread = loadContextWords('en', dir);
    expect(reread).toEqual(before);
    writeFileSync(join(dir, 'en', 'context.yaml'), readFileSync(join(refusedDir, 'en', 'context.yaml')));
    const refused = reloadContextWords(dir);
    expect(refused.problems[0]).toMatch(/context\.yaml: /);
    // Until restored, the broken file is what a load would read.
    expect(() => loadContextWords('en', dir)).toThrow(/problem/);
    refused.restore();
    expect(loadContextWords('en', dir)).toBe(reread);
    expect(loadContextWords('zh-CN', dir).adjacentNegators).toContain('不');
  });
});
