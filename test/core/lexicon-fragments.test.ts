// Named pattern fragments as a trainer meets them: written once per locale in
// fragments.yaml, named as {{id}} in lexicon and concept patterns. A fragment that is
// defined twice, unsafe or not one group, a pattern naming a fragment not defined, and a
// pattern the fragment makes unsafe or invalid are each refused with file:line; the
// entries kept find what the pattern written out in full would find. Cases and
// expectations are data: fixtures/lexicon-fragments.yaml and the lexicon folders under
// fixtures/lexicons/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixtureCopies, kept, relative } from '../support/lexicon-fixtures.ts';
import { parse } from 'yaml';
import { compileLexiconFile, LexiconError, lexiconProblems, loadLexicons } from '../../evaluators/lexicon/load.ts';
import { conceptProblems, loadConcepts } from '../../evaluators/analysis/concepts.ts';
import { findMatches, toFinding } from '../../evaluators/engine/match.ts';
import { prepareReply } from '../../evaluators/engine/prepare.ts';
import { ruleLocale } from '../../evaluators/locale.ts';
import type { InputLocale, RuleLocale } from '../../evaluators/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  named: {
    dir: string;
    problems: string[];
    kept: Record<string, Record<string, string[]>>;
    conceptProblems: string[];
    concepts: Record<string, string[]>;
    sources: Record<string, string>;
    replies: { locale: InputLocale; reply: string; found: string[] }[];
    conceptReplies: { locale: RuleLocale; concept: string; reply: string; found: string[] }[];
  };
  unread: { dir: string; problems: string[] }[];
}
const expected = parse(readFileSync(join(FIXTURES, 'lexicon-fragments.yaml'), 'utf8')) as Expected;
const namedDir = join(FIXTURES, expected.named.dir);

const copies = fixtureCopies('lexicon-fragments-');
afterAll(() => copies.removeAll());
const { copyOf } = copies;

describe('fragments named in lexicon patterns', () => {
  it('refuse a duplicate, an unsafe fragment, one that is not one group or names another, and each pattern they break, with file:line', () => {
    const dir = copyOf(namedDir);
    expect(relative(dir, lexiconProblems(dir))).toEqual(expected.named.problems);
  });

  it('leave out the entries refused, and keep every other', () => {
    expect(kept(loadLexicons(copyOf(namedDir)))).toEqual(expected.named.kept);
  });

  it('stop a strict load', () => {
    const dir = copyOf(namedDir);
    expect(() => loadLexicons(dir, { strict: true })).toThrow(LexiconError);
  });

  it('compile to the expressions written out in full', () => {
    const dir = copyOf(namedDir);
    const entries = [...loadLexicons(dir)].flatMap(([locale, lexicon]) =>
      [...lexicon].flatMap(([evaluator, list]) => list.map((e) => [`${locale}/${evaluator}/${e.id}`, e.regex.source])),
    );
    const concepts = [...loadConcepts(dir)].flatMap(([locale, set]) => [...set.values()].map((c) => [`${locale}/${c.id}`, c.regex.source]));
    expect(Object.fromEntries([...entries, ...concepts])).toEqual(expected.named.sources);
  });

  it.each(expected.named.replies)('find in "$reply" ($locale) what the pattern written out would find', ({ locale, reply, found }) => {
    const entries = [...loadLexicons(copyOf(namedDir)).get(ruleLocale(locale, 'zh-CN'))!.values()].flat();
    const prepared = prepareReply(reply, locale);
    expect(findMatches(prepared, entries).map((m) => `${m.entry.id}: ${toFinding(prepared, m, 'problemSolving', 'good').text}`)).toEqual(
      found,
    );
  });

  it('are unknown to a file checked on its own, without its locale folder', () => {
    const text = readFileSync(join(namedDir, 'zh-CN', 'problemSolving.yaml'), 'utf8');
    const problems: string[] = [];
    const file = compileLexiconFile('/lexicons/zh-CN/problemSolving.yaml', text, problems);
    expect(problems[0]).toBe(
      "/lexicons/zh-CN/problemSolving.yaml:4: pattern /{{not-third-party}}帮您(?:查|退)/ in entry 'check' names fragment '{{not-third-party}}', which fragments.yaml does not define",
    );
    // Every entry of the file names a fragment.
    expect(file!.compiled.filter(Boolean)).toEqual([]);
  });
});

describe('fragments named in concept patterns', () => {
  it('refuse each pattern naming a fragment not defined or refused, or made unsafe by one, with file:line', () => {
    const dir = copyOf(namedDir);
    expect(relative(dir, conceptProblems(dir)).filter((p) => p.includes('.yaml:'))).toEqual(expected.named.conceptProblems);
    expect(() => loadConcepts(dir, { strict: true })).toThrow(LexiconError);
  });

  it('keep every other concept', () => {
    const sets = loadConcepts(copyOf(namedDir));
    expect(Object.fromEntries([...sets].map(([locale, set]) => [locale, [...set.keys()]]))).toEqual(expected.named.concepts);
  });

  it.each(expected.named.conceptReplies)(
    '$concept finds in "$reply" what the pattern written out would find',
    ({ locale, concept, reply, found }) => {
      const regex = loadConcepts(copyOf(namedDir)).get(locale)!.get(concept)!.regex;
      expect([...reply.matchAll(new RegExp(regex.source, regex.flags))].map((m) => m[0])).toEqual(found);
    },
  );
});

describe('a fragments file that cannot be read', () => {
  it('is refused with every problem the schema finds, as in a new process', async () => {
    // The schema is compiled on first use and kept: a fresh module compiles it again.
    vi.resetModules();
    const fresh = await import('../../evaluators/lexicon/fragments.ts');
    const folder = join(FIXTURES, 'lexicons/fragments-file-refused/zh-CN');
    const problems: string[] = [];
    fresh.loadFragments(folder, 'zh-CN', problems);
    expect(relative(folder, problems)).toEqual([
      "fragments.yaml:3: /fragments/0 must have required property 'pattern'",
      'fragments.yaml:3: /fragments/0 must NOT have additional properties',
    ]);
  });

  it.each(expected.unread)('in $dir is named with file:line, and the patterns naming its fragments are refused', ({ dir, problems }) => {
    const copy = copyOf(join(FIXTURES, dir));
    expect(relative(copy, lexiconProblems(copy))).toEqual(problems);
    expect(Object.values(kept(loadLexicons(copy))).flatMap((lexicon) => Object.values(lexicon).flat())).toEqual([]);
  });
});
