// The one-pass needle index finds exactly the concepts, and the lexicon entries, that testing
// every needle finds. Each test asks about a fresh copy of its set or list: an index is built
// once per set, so a copy is built again by the code under test.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conceptsFor } from './concepts.ts';
import { candidateConcepts, candidateEntries } from './needle-index.ts';
import { loadLexicons } from '../lexicon/load.ts';

const dir = new URL('../../test/understanding/paraphrases/', import.meta.url);
const texts = (locale: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(`.${locale}.jsonl`))
    .flatMap((n) => readFileSync(new URL(n, dir), 'utf8').split('\n').filter(Boolean))
    .map((l) => (JSON.parse(l) as { text: string }).text);

describe('needle index', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`gives the same candidate concepts as testing each needle (${locale})`, () => {
      const set = new Map(conceptsFor(locale));
      const all = texts(locale).map((t) => (locale === 'en' ? t.toLowerCase() : t));
      expect(all.length).toBeGreaterThan(50);
      for (const text of [...all, '', 'x', all.join(' ')]) {
        const slow = [...set.values()].filter((c) => !c.needles || c.needles.some((n) => text.includes(n))).map((c) => c.id);
        expect(
          candidateConcepts(set, text).map((c) => c.id),
          text,
        ).toEqual(slow);
      }
    });
  }

  const flagDir = new URL('../../test/corpus-flags/blind8/', import.meta.url);
  const replies = (locale: string) =>
    readFileSync(new URL(`${locale}.jsonl`, flagDir), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { reply: string }).reply);

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`gives the same candidate lexicon entries as testing each needle (${locale})`, () => {
      const lists = loadLexicons().get(locale)!;
      const all = [...texts(locale), ...replies(locale)].map((t) => (locale === 'en' ? t.toLowerCase() : t));
      expect(all.length).toBeGreaterThan(100);
      for (const [evaluator, shipped] of lists) {
        const entries = [...shipped];
        expect(
          entries.some((e) => e.needles),
          evaluator,
        ).toBe(true);
        for (const text of [...all, '', all.join(' ')]) {
          const slow = entries.filter((e) => !e.needles || e.needles.some((n) => text.includes(n)));
          expect(candidateEntries(entries, text), `${evaluator}: ${text}`).toEqual(slow);
        }
      }
    });
  }

  it('finds needles that end inside longer ones, share their starts or overlap, and items with none', () => {
    const items = [['he'], ['she'], ['his'], ['hers'], ['ushe'], ['aa'], ['a\ud83d'], ['x', 'hi'], [''], ['', 'zz'], undefined].map(
      (needles, i) => ({
        id: i,
        ...(needles ? { needles } : {}),
      }),
    );
    for (const text of ['ushers', 'this', 'hishe', 'aaa', 'a😀', 'sh', 'h', '', 'ahis', 'hhers', 'ushhe', 'hi', 's']) {
      const slow = items.filter((e) => !e.needles || e.needles.some((n) => text.includes(n)));
      expect(candidateEntries([...items], text), text).toEqual(slow);
    }
  });
});
