// The context word lists (lexicons/<locale>/context.yaml) as the rules read them: a
// trainer may leave a list empty, and an empty list must find nothing rather than
// match everywhere (an empty alternative matches at every word edge).
import { describe, expect, it } from 'vitest';
import { containsAny } from '../../evaluators/engine/prepare.ts';

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
