// Behaviours added from the fourteenth blind batch, each as the reply that shows it and the nearest
// reply that must not: 别 that ends a word (特别, 分别) negates nothing; sympathy opened with 那可真是 or
// 哎唷 in scorn, regret about a form and sorry for what the customer failed to do are no empathy; a
// routine said with 每晚都 or 都有 right after the verb, and the 我 of 自我, take no step. Through the
// public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const detected = (reply: string, locale: InputLocale = 'zh-CN', customer?: string) => evaluateReply(reply, { locale, customer }).detected;

describe('negation: 别 at the end of a word is no "don\'t"', () => {
  it('reads 特别抱歉 as an apology and 特别 / 分别 before a step as no negation', () => {
    expect(detected('特别抱歉，货今天才到。').empathy).toBe(true);
    expect(detected('特別抱歉耽誤您一上午了。', 'zh-TW').empathy).toBe(true);
    expect(detected('这次特别帮您退了。').problemSolving).toBe(true);
    expect(detected('我们分别帮您退了。').problemSolving).toBe(true);
  });

  it('still reads 别 of its own as "don\'t"', () => {
    expect(detected('这个就别帮您退了。').problemSolving).toBe(false);
    expect(detected('别给您换了，修一下就行。').problemSolving).toBe(false);
  });
});

describe('empathy: sympathy in scorn, regret about a form, sorry for what the customer failed to do', () => {
  it('is no empathy', () => {
    expect(detected('哎呀那可真是委屈您了，一点小事还要我们赔。').empathy).toBe(false);
    expect(detected('哎唷，那真是辛苦你了，自己回家洗吧。').empathy).toBe(false);
    expect(detected('很遗憾您的表单漏填了一项，所以要重新排。').empathy).toBe(false);
    expect(detected("I'm so sorry you didn't read the booking email.", 'en').empathy).toBe(false);
  });

  it('is empathy when meant', () => {
    expect(detected('哎呀，真是委屈您了，我们马上给您换。').empathy).toBe(true);
    expect(detected('哎唷，真的很抱歉，让您等这么久。').empathy).toBe(true);
    expect(detected('很遗憾让您失望了，我们马上补做一个。').empathy).toBe(true);
    expect(detected("I'm so sorry you didn't get the booking email, let me resend it.", 'en').empathy).toBe(true);
  });
});

describe('problem solving: a routine described and the 我 of 自我', () => {
  it('takes no step', () => {
    expect(detected('我们前台每晚都对账的。').problemSolving).toBe(false);
    expect(detected('我们补色都有上保护漆。').problemSolving).toBe(false);
    expect(detected('我们退款都是原路退回的。').problemSolving).toBe(false);
    expect(detected('这款膜有自我修复的功能。').problemSolving).toBe(false);
  });

  it('takes the step said for this customer', () => {
    expect(detected('我们每晚给您打个电话确认。').problemSolving).toBe(true);
    expect(detected('我们补色，明天来拿。').problemSolving).toBe(true);
    expect(detected('我修一下，十分钟。').problemSolving).toBe(true);
  });
});
