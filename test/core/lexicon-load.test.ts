// What a trainer sees when the lexicon files load: each broken file or entry named
// with file:line and left out, the rest kept, and the kept entries finding their
// phrases in replies. Cases and expectations are data: fixtures/lexicon-load.yaml
// and the lexicon folders under fixtures/lexicons/.
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureCopies, kept, relative } from '../support/lexicon-fixtures.ts';
import { parse } from 'yaml';
import { LexiconError, lexiconProblems, loadLexicons, reloadLexicons, type LexiconEntry } from '../../evaluators/lexicon/load.ts';
import { findMatches, toFinding } from '../../evaluators/engine/match.ts';
import { prepareReply } from '../../evaluators/engine/prepare.ts';
import type { RuleLocale } from '../../evaluators/types.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Expected {
  refused: { dir: string; problems: string[]; kept: Record<string, Record<string, string[]>> };
  englishOnly: { dir: string; kept: Record<string, Record<string, string[]>> };
  matching: {
    dir: string;
    entries: Record<string, Record<string, Record<string, unknown>[]>>;
    replies: { locale: RuleLocale; reply: string; found: string[] }[];
  };
}
const expected = parse(readFileSync(join(FIXTURES, 'lexicon-load.yaml'), 'utf8')) as Expected;
const refusedDir = join(FIXTURES, expected.refused.dir);
const matchingDir = join(FIXTURES, expected.matching.dir);

const copies = fixtureCopies('lexicon-load-');
afterAll(() => copies.removeAll());
const { copyOf } = copies;

describe('broken lexicon files and entries', () => {
  it('are each named with file:line and what is wrong, in folder and file order', () => {
    const dir = copyOf(refusedDir);
    expect(relative(dir, lexiconProblems(dir))).toEqual(expected.refused.problems);
  });

  it('are left out, and every other entry is kept', () => {
    expect(kept(loadLexicons(copyOf(refusedDir)))).toEqual(expected.refused.kept);
  });

  it('stop a strict load with all the problems listed', () => {
    const dir = copyOf(refusedDir);
    let error: unknown;
    try {
      loadLexicons(dir, { strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LexiconError);
    const problems = (error as LexiconError).problems;
    expect(relative(dir, problems)).toEqual(expected.refused.problems);
    expect((error as LexiconError).message).toBe(`Lexicon files have ${problems.length} problem(s):\n${problems.join('\n')}`);
    // Loaded already (and cached): a strict load still refuses.
    expect(() => loadLexicons(dir, { strict: true })).toThrow(LexiconError);
  });

  it('stop a strict load made after a lenient one', () => {
    const dir = copyOf(refusedDir);
    expect(kept(loadLexicons(dir))).toEqual(expected.refused.kept);
    expect(() => loadLexicons(dir, { strict: true })).toThrow(LexiconError);
  });

  it('leave a missing locale folder out without a problem', () => {
    const dir = copyOf(join(FIXTURES, expected.englishOnly.dir));
    expect(kept(loadLexicons(dir))).toEqual(expected.englishOnly.kept);
    expect(lexiconProblems(dir)).toEqual([]);
  });

  it('do not stop a strict load of good files, loaded or not', () => {
    const dir = copyOf(matchingDir);
    expect(() => loadLexicons(dir, { strict: true })).not.toThrow();
    expect(() => loadLexicons(dir, { strict: true })).not.toThrow();
    expect(lexiconProblems(dir)).toEqual([]);
  });
});

describe('reloading edited lexicon files', () => {
  it('reports only the problems the edit brought, and restore keeps serving the old lists', () => {
    const dir = copyOf(matchingDir);
    const before = loadLexicons(dir);
    cpSync(join(refusedDir, 'en', 'empathy.yaml'), join(dir, 'en', 'empathy.yaml'));
    const reload = reloadLexicons(dir);
    const empathyProblems = expected.refused.problems.filter((p) => p.startsWith('en/empathy.yaml:'));
    expect(relative(dir, reload.problems)).toEqual(empathyProblems);
    expect(
      loadLexicons(dir)
        .get('en')!
        .get('empathy')!
        .map((e) => e.id),
    ).toEqual(['apology', 'thanks']);
    reload.restore();
    expect(loadLexicons(dir)).toBe(before);
    expect(lexiconProblems(dir)).toEqual([]);
  });

  it('does not report again the problems the files already had', () => {
    const dir = copyOf(refusedDir);
    loadLexicons(dir);
    const reload = reloadLexicons(dir);
    expect(reload.problems).toEqual([]);
    expect(relative(dir, lexiconProblems(dir))).toEqual(expected.refused.problems);
  });

  it('of a folder never loaded reports all its problems', () => {
    const dir = copyOf(refusedDir);
    const reload = reloadLexicons(dir);
    expect(relative(dir, reload.problems)).toEqual(expected.refused.problems);
    reload.restore();
    expect(relative(dir, lexiconProblems(dir))).toEqual(expected.refused.problems);
  });
});

describe('kept entries', () => {
  it('carry what the file says, and where it says it', () => {
    const lexicons = loadLexicons(copyOf(matchingDir));
    const pick = (e: LexiconEntry) =>
      Object.fromEntries(
        (['id', 'rule', 'phrases', 'note', 'suggestion', 'plain', 'weight', 'source'] as const)
          .filter((k) => e[k] !== undefined)
          .map((k) => [k, e[k]]),
      );
    const got = Object.fromEntries(
      [...lexicons].map(([locale, lexicon]) => [locale, Object.fromEntries([...lexicon].map(([ev, entries]) => [ev, entries.map(pick)]))]),
    );
    expect(got).toEqual(expected.matching.entries);
  });

  it.each(expected.matching.replies)('find in "$reply" what the lists name', ({ locale, reply, found }) => {
    const entries = [...loadLexicons(copyOf(matchingDir)).get(locale)!.values()].flat();
    const prepared = prepareReply(reply, locale);
    const findings = findMatches(prepared, entries).map((m) => `${m.entry.id}: ${toFinding(prepared, m, 'jargon', 'bad').text}`);
    expect(findings).toEqual(found);
    // The entry's own expression, which runs where the lower-cased reply cannot be used, finds the same in the reply as written.
    const direct = entries
      .flatMap((e) =>
        // An empty match (a pattern that can match nothing) names nothing.
        [...reply.matchAll(new RegExp(e.regex.source, e.regex.flags))]
          .filter((m) => m[0])
          .map((m) => ({ at: m.index, text: `${e.id}: ${m[0]}` })),
      )
      .sort((a, b) => a.at - b.at)
      .map((m) => m.text);
    expect(direct).toEqual(found);
  });
});
