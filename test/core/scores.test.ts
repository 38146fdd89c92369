// The 0–100 score of each dimension for one reply (docs/score-format.md: 100 best):
// each fault costs a fixed amount down to 0; problem solving is 100 for the trainee's
// own action or follow-up, 80 for an alternative or an offer alone, 20 for none.
import { describe, expect, it } from 'vitest';
import { evaluateReply, type Dimension, type InputLocale } from '../../evaluators/index.ts';

const score = (reply: string, locale: InputLocale, d: Dimension) => evaluateReply(reply, { locale, customer: '气死我了!' }).scores[d];

describe('scores per reply', () => {
  it('jargon costs 30 a term, down to 0', () => {
    expect(score('It is an HLR fault.', 'en', 'jargon')).toBe(70);
    expect(score('It is an HLR, VLR and OCS fault.', 'en', 'jargon')).toBe(10);
    expect(score('HLR VLR OCS BOSS fault.', 'en', 'jargon')).toBe(0);
  });

  it('an over-promise costs 50, down to 0', () => {
    expect(score('我保证今天修好。', 'zh-CN', 'promises')).toBe(50);
    expect(score('I guarantee it, 100%.', 'en', 'promises')).toBe(0);
    expect(score('我保证,百分之百,绝对没问题。', 'zh-CN', 'promises')).toBe(0);
  });

  it('a denial or stop-talking scores 30, each further one 15 less, down to 0', () => {
    expect(score('不可能。', 'zh-CN', 'interrupting')).toBe(30);
    expect(score('不可能,你先听我说。', 'zh-CN', 'interrupting')).toBe(15);
    expect(score('不可能,你先听我说,好了好了。', 'zh-CN', 'interrupting')).toBe(0);
    expect(score('不可能!没这回事!你先听我说!好了好了!', 'zh-CN', 'interrupting')).toBe(0);
    expect(score('我帮您查一下。', 'zh-CN', 'interrupting')).toBe(100);
  });

  it('a reply sent while the customer was still talking scores 0, with or without a denial in it', () => {
    const cutIn = (reply: string) =>
      evaluateReply(reply, { locale: 'zh-CN', customer: '气死我了!', interrupted: true }).scores.interrupting;
    expect(cutIn('我帮您查一下。')).toBe(0);
    expect(cutIn('不可能。')).toBe(0);
  });

  it('an own action or a follow-up scores 100, an alternative alone 80, nothing 20', () => {
    expect(score('我给您换一个尾号一样的新号怎么样?', 'zh-CN', 'problemSolving')).toBe(100);
    expect(score('I will follow up and call you back tomorrow.', 'en', 'problemSolving')).toBe(100);
    expect(score('How about a new number that looks like the old one?', 'en', 'problemSolving')).toBe(80);
    expect(score('Please show me the receipt.', 'en', 'problemSolving')).toBe(20);
    // An own step beside an alternative is still the trainee's own.
    expect(score('我现在就帮您查,或者您也可以换一张卡试试。', 'zh-CN', 'problemSolving')).toBe(100);
    expect(score("I'll check it right now, or you could try another SIM.", 'en', 'problemSolving')).toBe(100);
  });

  it('missing sympathy costs 60 where the customer showed emotion or difficulty, or said nothing we know of', () => {
    const empathy = (customer: string, locale: InputLocale = 'zh-CN') => {
      const e = evaluateReply('好的。', { locale, customer });
      return { applies: e.applicable.empathy, score: e.scores.empathy };
    };
    expect(empathy('气死我了!')).toEqual({ applies: true, score: 40 });
    expect(empathy('营业厅几点关门')).toEqual({ applies: false, score: 100 });
    expect(empathy('')).toEqual({ applies: true, score: 40 });
    expect(empathy('   ')).toEqual({ applies: true, score: 40 });
    // Traditional characters are read as simplified: 氣死 is 气死.
    expect(empathy('真是氣死人了', 'zh-TW')).toEqual({ applies: true, score: 40 });
    expect(empathy('真是氣死人了', 'zh-CN')).toEqual({ applies: true, score: 40 });
    expect(empathy('What time do you close', 'en')).toEqual({ applies: false, score: 100 });
  });
});
