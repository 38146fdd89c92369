// What a trainer sees when the concept files load: each broken file or concept named
// with file:line and left out, every concept the analysis needs and no file defines
// named, the rest kept and finding their phrases in replies; an edited file reloaded
// reports only what the edit broke. Cases and expectations are data:
// fixtures/concept-files.yaml and the folder it names under fixtures/lexicons/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixtureCopies, relative } from '../support/lexicon-fixtures.ts';
import { conceptProblems, conceptsFor, loadConcepts, reloadConcepts, REQUIRED_CONCEPTS } from '../../evaluators/analysis/concepts.ts';
import { LexiconError } from '../../evaluators/lexicon/load.ts';
import type { RuleLocale } from '../../evaluators/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  dir: string;
  problems: string[];
  kept: Record<RuleLocale, Record<string, { source: string; needles?: string[] }>>;
  replies: { locale: RuleLocale; concept: string; reply: string; found: string[] }[];
}
const expected = parse(readFileSync(join(FIXTURES, 'concept-files.yaml'), 'utf8')) as Expected;
const refusedDir = join(FIXTURES, expected.dir);

const copies = fixtureCopies('concept-files-');
afterAll(() => copies.removeAll());
const { copyOf } = copies;

/** The "required and not defined" messages for the concepts of `locale` not in `defined`. */
const missing = (locale: RuleLocale, defined: string[]): string[] =>
  REQUIRED_CONCEPTS.filter((id) => !defined.includes(id)).map((id) => `${locale}/concepts: concept '${id}' is required and not defined`);

describe('broken concept files and concepts', () => {
  it('are each named with file:line and what is wrong, in file order, then every required concept left undefined', () => {
    const dir = copyOf(refusedDir);
    expect(relative(dir, conceptProblems(dir))).toEqual([
      ...missing('zh-CN', []),
      ...expected.problems,
      ...missing('en', ['apology', 'refusal']),
    ]);
  });

  it('stop a strict load, and a folder with no concept files names every required concept', () => {
    const dir = copyOf(refusedDir);
    expect(() => loadConcepts(dir, { strict: true })).toThrow(LexiconError);
    const bare = copyOf(join(FIXTURES, 'lexicons/english-only'));
    expect(relative(bare, conceptProblems(bare))).toEqual([...missing('zh-CN', []), ...missing('en', [])]);
    expect([...loadConcepts(bare).values()].map((set) => set.size)).toEqual([0, 0]);
  });
});

describe('kept concepts', () => {
  it('carry where they are defined and the text a reply must hold for them', () => {
    const dir = copyOf(refusedDir);
    const got = Object.fromEntries(
      [...loadConcepts(dir)].map(([locale, set]) => [
        locale,
        Object.fromEntries(
          [...set.values()].map((c) => [c.id, { source: relative(dir, [c.source])[0], ...(c.needles ? { needles: c.needles } : {}) }]),
        ),
      ]),
    );
    expect(got).toEqual(expected.kept);
  });

  it.each(expected.replies)('$concept finds in "$reply" ($locale) $found', ({ locale, concept, reply, found }) => {
    const regex = loadConcepts(copyOf(refusedDir)).get(locale)!.get(concept)!.regex;
    expect([...reply.matchAll(new RegExp(regex.source, regex.flags))].map((m) => m[0])).toEqual(found);
  });

  it('of an unknown locale are none', () => {
    expect(conceptsFor('fr' as RuleLocale).size).toBe(0);
    expect(conceptsFor('en').has('apology')).toBe(true);
  });
});

describe('reloading edited concept files', () => {
  it('reports only the problems the edit brought, and restore keeps serving the old concepts', () => {
    const dir = copyOf(refusedDir);
    const before = loadConcepts(dir);
    const file = join(dir, 'en/concepts/d-kept.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('phrases: [the owner', 'phrases: [the owner, The Owner'));
    const reload = reloadConcepts(dir);
    expect(relative(dir, reload.problems)).toEqual(["en/concepts/d-kept.yaml:10: duplicate phrase 'The Owner' in concept 'owner'"]);
    // With the first refused, the second file's concept of the same id is the one kept.
    expect(relative(dir, [loadConcepts(dir).get('en')!.get('owner')!.source])).toEqual(['en/concepts/e-again.yaml:4']);
    reload.restore();
    expect(loadConcepts(dir)).toBe(before);
    expect(relative(dir, [loadConcepts(dir).get('en')!.get('owner')!.source])).toEqual(['en/concepts/d-kept.yaml:10']);
  });

  it('does not report again the problems the files already had, and of a folder never loaded reports them all', () => {
    const dir = copyOf(refusedDir);
    loadConcepts(dir);
    expect(reloadConcepts(dir).problems).toEqual([]);
    const fresh = copyOf(refusedDir);
    const reload = reloadConcepts(fresh);
    expect(reload.problems).toEqual(conceptProblems(fresh));
    expect(reload.problems.length).toBeGreaterThan(0);
    reload.restore();
    expect(conceptProblems(fresh)).toEqual(reload.problems);
  });
});
