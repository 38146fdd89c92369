// The same sympathy formula said turn after turn, as the session reads it: the same
// words whatever their case or punctuation, or the same kind of sympathy in replies
// that offer nothing else.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import type { Finding, RuleLocale, ScoredTurn } from '../types.ts';
import { empathyRepeats, empathyWords } from './patterns.ts';

const repeats = (locale: RuleLocale, replies: string[]) => {
  const customer = locale === 'en' ? 'I am furious!' : '气死我了！';
  return empathyRepeats(
    replies.map((reply, i) => ({ turn: i + 1, customer, reply, evaluation: evaluateReply(reply, { locale, customer }) }) as ScoredTurn),
  );
};

describe('sympathy said again', () => {
  it('is the same words whatever their case or punctuation, in replies that also help', () => {
    expect(
      repeats('en', ["I'm sorry. Let me check the line.", "I'M SORRY!! Let me check the router.", 'I’m sorry - let me check the bill.']),
    ).toEqual([0, 1, 2]);
    expect(repeats('zh-CN', ['抱歉，我查一下线路。', '抱歉！我查一下路由器。', '抱歉，我查一下账单。'])).toEqual([0, 1, 2]);
    expect(repeats('en', ["I'm sorry. Let me check the line.", 'I understand. Let me check the router.'])).toEqual([0, 0]);
  });

  it('is the same kind of sympathy in new words, in replies that offer nothing else', () => {
    expect(repeats('en', ['Sorry for the inconvenience.', 'Apologies for any inconvenience caused.', 'I do apologise.'])).toEqual([
      0, 1, 2,
    ]);
    expect(repeats('en', ['Sorry for the inconvenience. Let me check the line.', 'Apologies. Let me check the router.'])).toEqual([0, 0]);
  });
});

describe('the words of a sympathy', () => {
  /** A turn whose only findings are sympathy credits with these words. */
  const credited = (...texts: string[]): ScoredTurn => {
    const findings: Finding[] = texts.map((text) => ({
      evaluator: 'empathy',
      rule: 'apology',
      span: [0, text.length],
      text,
      polarity: 'good',
      message: '',
    }));
    const evaluation = evaluateReply('', { locale: 'en' });
    return { turn: 1, customer: '', reply: texts.join(' '), evaluation: { ...evaluation, findings } };
  };

  it('are read lower-cased, without spaces, punctuation or symbols, so typing does not hide a paste', () => {
    expect(empathyWords(credited("I'm so sorry", 'Im so sorry', "I'M  SO SORRY!", 'i’m so sorry ☹'))).toEqual([
      'imsosorry',
      'imsosorry',
      'imsosorry',
      'imsosorry',
    ]);
    expect(empathyWords(credited('非常抱歉', '非常，抱歉！'))).toEqual(['非常抱歉', '非常抱歉']);
  });

  it('of one character are too short to call a paste', () => {
    expect(empathyWords(credited('好', 'A!', '抱歉'))).toEqual(['抱歉']);
  });
});
