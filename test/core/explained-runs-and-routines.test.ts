// Behaviours added from the seventh blind batch, each as the reply that shows it and
// the nearest reply that must not: English words in a row explained as one term in
// a Chinese reply, an English term explained in apposition a few words after it,
// and a routine described with a frequency word, which is no step for this customer.
// Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply, type ReplyContext } from '../../evaluators/index.ts';

const zh: ReplyContext = { locale: 'zh-CN', customer: '能不能晚点退房?' };
const en: ReplyContext = { locale: 'en', customer: 'What does that mean?' };
const jargon = (context: ReplyContext) => (reply: string) => evaluateReply(reply, context).detected.jargon;
const solves = (reply: string) => evaluateReply(reply, { locale: 'zh-CN', customer: '你们是不是算错了?' }).detected.problemSolving;

describe('jargon: English words in a row in a Chinese reply', () => {
  it('are one term, explained when the explanation follows the last of them', () => {
    const j = jargon(zh);
    expect(j('可以给您办个late checkout,就是延迟退房。')).toBe(false);
    expect(j('这个要走fast track,也就是加急通道。')).toBe(false);
    expect(j('可以给您办个late checkout,我给您延到两点。')).toBe(true);
    expect(j('late checkout要加钱,就是延迟退房。')).toBe(true);
  });

  it('a word set apart by punctuation is a term of its own', () => {
    const j = jargon(zh);
    expect(j('这是late,checkout就是退房。')).toBe(true);
    expect(j('办个late checkout就是延迟退房。')).toBe(false);
  });
});

describe('jargon: an English term explained in apposition', () => {
  it('up to two words may come between the term and a dash that explains it', () => {
    const j = jargon(en);
    expect(j('We can do an ILL — an inter-library loan from another library.')).toBe(false);
    expect(j('We can do an ILL today — an inter-library loan from another library.')).toBe(false);
    expect(j('We can do an ILL for that — an inter-library loan from another library.')).toBe(false);
    expect(j('We can do an ILL for all that — an inter-library loan from another library.')).toBe(true);
    expect(j('We can do an ILL for that, it usually takes two weeks.')).toBe(true);
  });

  it('"your …" explains only straight after the dash', () => {
    const j = jargon(en);
    expect(j('The second one is a pending authorisation — your bank just holds the amount for a bit.')).toBe(false);
    expect(j('The second one is a pending authorisation (your bank just holds the amount for a bit).')).toBe(false);
    expect(j('Your box lost its EMM entitlements — your box needs a reset.')).toBe(true);
    expect(j('The second one is a pending authorisation, your bank just holds it.')).toBe(true);
  });

  it('the spaces around the words and the dash may be missing or doubled', () => {
    const j = jargon(en);
    expect(j('We can do an ILL— an inter-library loan from another library.')).toBe(false);
    expect(j('We can do an ILL —an inter-library loan from another library.')).toBe(false);
    expect(j('We can do an ILL for  that — an inter-library loan from another library.')).toBe(false);
    expect(j('The second one is a pending authorisation —your bank just holds the amount.')).toBe(false);
  });

  it('"where" after the dash explains too', () => {
    const j = jargon(en);
    expect(j("I'll raise a chargeback — where we claim the money back from the shop's bank.")).toBe(false);
    expect(j("I'll raise a chargeback today, and we'll see.")).toBe(true);
  });
});

describe('problem solving: a routine described is no step', () => {
  it('a frequency word describes a routine; one aimed at the customer is still a step', () => {
    expect(solves('我们收银台天天对账,不会错的。')).toBe(false);
    expect(solves('我们平时都会核对账目。')).toBe(false);
    expect(solves('我们一向认真核对。')).toBe(false);
    expect(solves('我天天帮您盯着这笔账。')).toBe(true);
    expect(solves('我们现在就核对一下账目。')).toBe(true);
  });
});
