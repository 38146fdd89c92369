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
  });

  it('an own action or a follow-up scores 100, an alternative alone 80, nothing 20', () => {
    expect(score('我给您换一个尾号一样的新号怎么样?', 'zh-CN', 'problemSolving')).toBe(100);
    expect(score('I will follow up and call you back tomorrow.', 'en', 'problemSolving')).toBe(100);
    expect(score('How about a new number that looks like the old one?', 'en', 'problemSolving')).toBe(80);
    expect(score('Please show me the receipt.', 'en', 'problemSolving')).toBe(20);
  });
});
