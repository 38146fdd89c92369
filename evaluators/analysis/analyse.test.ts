// What the shared analysis says a clause does, for the acts that both the customer and the
// score card read: a play-back confirmed by a tag, an open question, a bare question.
import { describe, expect, it } from 'vitest';
import { analyseReply } from './analyse.ts';
import type { InputLocale } from '../types.ts';

const acts = (text: string, locale: InputLocale) => analyseReply(text, locale).clauses.map((c) => c.act);

describe('restating', () => {
  it('a play-back followed by a confirming tag in the same sentence is restating', () => {
    expect(acts('您是说您给了我一百，我只找了五块，对吗？', 'zh-CN')[0]).toBe('restate');
    expect(acts('您是想在现在这个号码上直接用3G，对吧？', 'zh-CN')[0]).toBe('restate');
    expect(acts('So you’d like 3G on this number, right?', 'en')[0]).toBe('restate');
    expect(acts('You want to keep your number, is that right?', 'en')[0]).toBe('restate');
  });

  it('an open question that starts like a play-back asks for something new', () => {
    expect(acts('您想办什么业务？', 'zh-CN')).toEqual(['question']);
    expect(acts('What would you like to do today?', 'en')).toEqual(['question']);
  });

  it('a play-back in one sentence and a tag in the next are not joined', () => {
    expect(acts('您是想换号。对吗？', 'zh-CN')[0]).not.toBe('restate');
  });
});
