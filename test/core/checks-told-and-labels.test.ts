// Behaviours added from the fifteenth blind batch, each as the reply that shows it and the nearest
// reply that must not: a check already made, told with only what it found, is no step (beside another
// step it still is); "that just means" explains an English term said just before it; letters read off
// a slip or a screen (写着MTCN的, 右下角有个Aa) are a label pointed at, not English thrown at the
// customer. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const detected = (reply: string, locale: InputLocale = 'zh-CN') => evaluateReply(reply, { locale }).detected;

describe('problem solving: a check told with only what it found', () => {
  it('is no step', () => {
    expect(
      detected("I've checked your record and the pension age for your date of birth is 66, so that's correct.", 'en').problemSolving,
    ).toBe(false);
    expect(detected('We have just checked the log: the van left at six, as booked.', 'en').problemSolving).toBe(false);
    expect(detected('我查了一下，您是四月三号才报名的，周六班三月底就满了。').problemSolving).toBe(false);
    expect(detected('我這邊查過了,那天沒有您的取件紀錄。', 'zh-TW').problemSolving).toBe(false);
  });

  it('is a step beside another step, and a check still to come is one', () => {
    expect(detected("I've checked and the payment isn't there yet; I'll trace it with your bank today.", 'en').problemSolving).toBe(true);
    expect(detected("I'll check your record now.", 'en').problemSolving).toBe(true);
    expect(detected("I've looked into it and I've refunded the fee.", 'en').problemSolving).toBe(true);
    expect(detected('我查了一下，款还没到，我来追，下午给您回电话。').problemSolving).toBe(true);
    expect(detected('我帮您查一下这笔转账。').problemSolving).toBe(true);
    // A check that runs on into the remedy, and a check beside an offer only the promises list knows.
    expect(detected('我查过了，话费我给您全免了。').problemSolving).toBe(true);
    expect(detected("I've checked, and you'll get lifetime free delivery with us.", 'en').problemSolving).toBe(true);
  });
});

describe('jargon: "that just means" explains the term before it', () => {
  it('explains it', () => {
    expect(detected('Your account is on a KYC hold, that just means we need to re-check your ID.', 'en').jargon).toBe(false);
    expect(detected('The order is on an AML hold, which simply means our team reviews it first.', 'en').jargon).toBe(false);
  });

  it('leaves a consequence unexplained', () => {
    expect(detected("Your account is on a KYC hold, that means you can't withdraw.", 'en').jargon).toBe(true);
  });
});

describe('jargon: letters read off a slip or a screen', () => {
  it('is a label pointed at', () => {
    expect(detected('您看一下收据上写着MTCN的那串数字，报给我就行。').jargon).toBe(false);
    expect(detected('右下角有个Aa，点进去就能把字调大。').jargon).toBe(false);
    expect(detected('單子上印著REF的那一行就是編號。', 'zh-TW').jargon).toBe(false);
  });

  it('is English thrown at the customer when not pointed at', () => {
    expect(detected('这个有个KYC要过，系统会自动审核。').jargon).toBe(true);
    expect(detected('您的MTCN还没生成，等一下。').jargon).toBe(true);
  });
});
