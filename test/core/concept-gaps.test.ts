// A concept phrase with a gap ("give ... a ring", "把机...开") matches its pieces a few
// words apart, whole words in English, never across a clause mark.
import { describe, expect, it } from 'vitest';
import { phraseExpression } from '../../evaluators/analysis/concepts.ts';

const matches = (phrase: string, locale: 'en' | 'zh-CN', text: string) => new RegExp(phraseExpression(phrase, locale), 'u').test(text);

describe('phrases with a gap', () => {
  it('English: the pieces match whole words a few words apart', () => {
    expect(matches('give ... a ring', 'en', "let's give the owner a ring")).toBe(true);
    expect(matches('give ... a ring', 'en', 'give mr chen a ring')).toBe(true);
    expect(matches('carry* ... up', 'en', 'when are you carrying the tiles up')).toBe(true);
    expect(matches('carry ... up', 'en', 'carry it up')).toBe(true);
  });

  it('English: no piece inside a longer word, and nothing across a clause mark or too far', () => {
    expect(matches('carry ... up', 'en', 'carrying it up')).toBe(false);
    expect(matches('give ... a ring', 'en', 'give it, a ring')).toBe(false);
    expect(matches('give ... a ring', 'en', 'give the man who lives on the twelfth floor a ring')).toBe(false);
  });

  it('Chinese: a gap of a few characters inside one clause', () => {
    expect(matches('把机...开', 'zh-CN', '我已经帮您把机开了')).toBe(true);
    expect(matches('会员...退', 'zh-CN', '会员我现在给您退了')).toBe(true);
    expect(matches('会员...退', 'zh-CN', '会员的事，退')).toBe(false);
  });
});
