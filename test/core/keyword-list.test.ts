// A string of bare keywords ("Receipt, till, count, refund.") names the right things and says
// nothing: it is told apart from terse speech, and it moves no customer.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyseReply, type InputLocale } from '../../evaluators/index.ts';
import { play, library } from './unit-scenario.ts';

const cases = parse(readFileSync(new URL('./keyword-lists.yaml', import.meta.url), 'utf8')) as {
  locale: InputLocale;
  text: string;
  keywords: boolean;
}[];

describe('a string of bare keywords', () => {
  it.each(cases)('$locale "$text" → keyword list: $keywords', ({ locale, text, keywords }) => {
    expect(analyseReply(text, locale).keywordList).toBe(keywords);
  });

  const wrongChange = library.get('wrong-change')!;

  it('moves the customer nowhere, though the same move said as speech does', () => {
    for (const [locale, list, speech] of [
      ['en', 'Receipt, till, count, check, refund.', "I'll check the receipt and count the till right now."],
      ['zh-CN', '小票，钱箱，核对，清点。', '我现在就核对小票、清点一下钱箱。'],
    ] as const) {
      const keywords = play(wrongChange, [list], locale).last;
      expect(keywords.understanding?.intents).toEqual([]);
      expect(keywords.understanding?.transition).toBeUndefined();
      const said = play(wrongChange, [speech], locale).last;
      expect(said.understanding?.transition?.to).toBe('checking');
    }
  });

  it('gets no credit for the kind words in it: the customer is not calmed, and does not say what they wait for', () => {
    const calm = play(wrongChange, ["I'm so sorry, tell me what happened.", 'Sorry, upset, understand, receipt.'], 'en');
    const [before, after] = calm.last.understanding!.anger;
    expect(after).toBeGreaterThanOrEqual(before);
    expect(calm.last.output.lines.map((l) => l.ref)).not.toContain('details:waiting');
    const spoken = play(wrongChange, ["I'm so sorry, tell me what happened.", "I'm sorry, I understand you're upset."], 'en');
    expect(spoken.last.understanding!.anger[1]).toBeLessThan(spoken.last.understanding!.anger[0]);
  });
});
