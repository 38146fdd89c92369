// Behaviours added from the thirteenth blind batch, each as the reply that shows it and the nearest
// reply that must not: a spaced hyphen typed for the dash explains an English term in apposition; a
// drawn-out "soooo sorry" is a sneer, not an apology; 哎哟 in a sentence that goes on to apologise is
// meant. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const detected = (reply: string, locale: InputLocale = 'zh-CN', customer?: string) => evaluateReply(reply, { locale, customer }).detected;

describe('jargon: a spaced hyphen for the dash explains a term in apposition', () => {
  it('takes " - the …" after the term as its explanation', () => {
    expect(detected('The UV lamp - the light inside the filter that kills algae - has burnt out.', 'en').jargon).toBe(false);
    expect(detected("Your PIR - that's the motion sensor in the hall - is faulty.", 'en').jargon).toBe(false);
    expect(detected('The RCD - a safety switch in your fuse box - keeps tripping.', 'en').jargon).toBe(false);
  });

  it('still flags a term with a hyphen and no explanation after it', () => {
    expect(detected('The UV lamp - burnt out, I reckon.', 'en').jargon).toBe(true);
    expect(detected('It needs an ADAS recal - static or dynamic.', 'en').jargon).toBe(true);
    expect(detected('The UV lamp has burnt out.', 'en').jargon).toBe(true);
  });
});

describe('empathy: sorry drawn out in scorn', () => {
  it('is no apology when the word is stretched', () => {
    expect(detected("Oh, I'm soooo sorry our wrapper ruined your day.", 'en').empathy).toBe(false);
    expect(detected("Well I'm sooooo sorry you had to wait a whole minute.", 'en').empathy).toBe(false);
  });

  it('is an apology said plainly or with one "so"', () => {
    expect(detected("Oh, I'm so sorry our wrapper let you down.", 'en').empathy).toBe(true);
    expect(detected("I'm sorry, that's not what you paid for.", 'en').empathy).toBe(true);
  });
});

describe('empathy: 哎哟 in a sentence that goes on to apologise', () => {
  it('is meant when the sentence apologises after it', () => {
    expect(detected('哎哟这么贵的鱼,太心疼了,真抱歉。').empathy).toBe(true);
    expect(detected('哎哟这么冷的天,让您白跑一趟,实在对不起。').empathy).toBe(true);
    expect(detected('哎喲這麼重的東西,還讓您自己搬,真是不好意思。', 'zh-TW').empathy).toBe(true);
  });

  it('stays a sneer when the sentence only mocks', () => {
    expect(detected('哎哟那您可真是太不容易了,坐个车还得当教练。').empathy).toBe(false);
    expect(detected('哎哟,您可真不容易。').empathy).toBe(false);
  });
});
