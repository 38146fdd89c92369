// Amounts as the customer hears them (docs/scenarios.md, `amount` in intents and
// facts): digits, Chinese numerals and English number words read as values, with
// where they stand in the text. Cases: test/core/fixtures/numbers.jsonl, checked by
// hand against what a listener hears (两千五 is 2,500, 一百零五 is 105, 1,000 is a
// thousand but 1,5 is one and a half, 一 alone in 一下 or 一起 is no number).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chineseNumeral, findNumbers } from '../../evaluators/index.ts';

type Case = { numeral: string; value: number | null } | { text: string; numbers: [number, number, number][] };
const cases = readFileSync(new URL('./fixtures/numbers.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

describe('numbers in a reply', () => {
  it('reads Chinese numerals', () => {
    const numerals = cases.filter((c): c is Extract<Case, { numeral: string }> => 'numeral' in c);
    expect(numerals.length).toBeGreaterThan(10);
    for (const c of numerals) expect(chineseNumeral(c.numeral) ?? null, c.numeral).toBe(c.value);
  });

  it('finds every amount in a text, in reading order, with its place', () => {
    const texts = cases.filter((c): c is Extract<Case, { text: string }> => 'text' in c);
    expect(texts.length).toBeGreaterThan(10);
    for (const c of texts)
      expect(
        findNumbers(c.text).map((h) => [h.value, h.start, h.end]),
        c.text,
      ).toEqual(c.numbers);
  });
});
