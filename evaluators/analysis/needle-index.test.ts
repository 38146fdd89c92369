// The one-pass needle index finds exactly the concepts, and the lexicon entries, that testing
// every needle finds.
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
      const set = conceptsFor(locale);
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
      for (const [evaluator, entries] of lists) {
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
});
