// Behaviours added from the sixth blind batch, each as the reply that shows it and
// the nearest reply that must not: sympathy that sneers or is sorry for the
// customer's feelings, remedies conditional on our own fault, pledges that close
// their clause, conditions without a comma, and words that only look like a
// negation or an act. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply, type ReplyContext } from '../../evaluators/index.ts';

const zh: ReplyContext = { locale: 'zh-CN', customer: '气死我了,你们怎么搞的!' };
const en: ReplyContext = { locale: 'en', customer: 'This is outrageous!' };
const flags = (reply: string, context: ReplyContext) => evaluateReply(reply, context).detected;
const credited = (context: ReplyContext) => (reply: string) => flags(reply, context).empathy;

describe('empathy turned against the customer', () => {
  it('a sneer opening with 喔/哦/噢 and 那您 / 那 / 您 is no sympathy; 还真是 admitting a point is', () => {
    const e = credited(zh);
    expect(e('喔,那您可真辛苦。')).toBe(false);
    expect(e('哦,那可真辛苦。')).toBe(false);
    expect(e('噢,你还真辛苦。')).toBe(false);
    expect(e('哦,还真是辛苦您了。')).toBe(true);
    expect(e('那您可真辛苦了。')).toBe(true);
  });

  it('sorry for how the customer takes it is no apology; sorry for the trouble is', () => {
    const z = credited(zh);
    expect(z('抱歉您这么想,但规定就是这样。')).toBe(false);
    expect(z('抱歉你会这样认为。')).toBe(false);
    expect(z('不好意思您要这么觉得。')).toBe(false);
    expect(z('抱歉,让您这么着急。')).toBe(true);
    expect(z('抱歉您久等了。')).toBe(true);
    const e = credited(en);
    expect(e("Well, I'm sorry you feel that way, but you signed the waiver.")).toBe(false);
    expect(e('Sorry if you took it like that.')).toBe(false);
    expect(e("I'm sorry that you saw it this way.")).toBe(false);
    expect(e('Sorry, you felt that way because nobody called?')).toBe(false);
    expect(e("I'm sorry you feel unwell.")).toBe(true);
    expect(e('Sorry that you waited so long.')).toBe(true);
    expect(e("I'm sorry you feel that nobody listened.")).toBe(true);
  });

  it('a sentence that sneers as a whole credits no sympathy in it; the next sentence stands alone', () => {
    const e = credited(en);
    expect(e('Oh dear, what a tragedy.')).toBe(false);
    expect(e('Oh my, what a catastrophe.')).toBe(false);
    expect(e('Wow, what a tragedy, sorry.')).toBe(false);
    expect(e('My heart bleeds, sorry.')).toBe(false);
    expect(e("Boo-hoo, I'm sorry the queue was long.")).toBe(false);
    expect(e('Sorry, cry me a river.')).toBe(false);
    expect(e("Oh no, what a tragedy, I'm so sorry.")).toBe(true);
    expect(e('What a tragedy. Sorry for the wait.')).toBe(true);
    expect(e('Sorry for the wait. What a tragedy.')).toBe(true);
    expect(e('Sorry for the wait! Boo hoo')).toBe(true);
    expect(e('Sorry, boo hoo')).toBe(false);
    expect(e('Sorry. Boo hoo')).toBe(true);
    expect(e('Hi. Sorry, boo hoo.')).toBe(false);
    expect(e('Hi. Oh dear, what a tragedy.')).toBe(false);
    const z = credited(zh);
    expect(z('不好意思,您可真会挑。')).toBe(false);
    expect(z('对不起,你还真娇气。')).toBe(false);
    expect(z('抱歉,您可真金贵。')).toBe(false);
    expect(z('不好意思,您可真细心,我马上换。')).toBe(true);
    expect(z('您可真会挑。不好意思,我马上换。')).toBe(true);
  });
});

describe('promises', () => {
  const promised = (context: ReplyContext) => (reply: string) => flags(reply, context).promises;

  it('a remedy conditional on our own fault is no benefit beyond authority; on anything else it is', () => {
    const z = promised(zh);
    expect(z('如果是我们师傅装错了,材料费就给您免了。')).toBe(false);
    expect(z('要是确实是店里的问题,运费给您全免。')).toBe(false);
    expect(z('万一查实是公司弄错,手续费给您全免。')).toBe(false);
    expect(z('是我们装的问题就给您全免。')).toBe(false);
    expect(z('您今天办的话,手续费给您全免。')).toBe(true);
    expect(z('如果是您自己弄坏的,材料费也给您免了。')).toBe(true);
    const e = promised(en);
    expect(e("Bring it back; if it's something we did, we fix it at no cost.")).toBe(false);
    expect(e("If the scratch turns out to be our fault, we'll respray it at no cost.")).toBe(false);
    expect(e("If that was the garage's mistake, the labour is free of charge.")).toBe(false);
    expect(e("If it is anything our fitter did, it's on the house.")).toBe(false);
    expect(e("If we broke it, we'll replace it free of charge.")).toBe(false);
    expect(e("If you sign today, I'll waive the fee.")).toBe(true);
    expect(e("If it's something you did, we fix it at no cost.")).toBe(true);
    expect(e('We fix it at no cost, if we broke it or not.')).toBe(true);
  });

  it('a remedy on our fault is still judged when the promise is an outcome, not a benefit', () => {
    expect(promised(en)("If it's our mistake, I guarantee it will be fixed in five minutes.")).toBe(true);
  });

  it('a pledge that closes its clause pledges the next: a call-back is no over-promise, an outcome is', () => {
    const z = promised(zh);
    expect(z('我跟您保证,明天中午前给您回个电话。')).toBe(false);
    expect(z('我跟您保证，明天中午前给您回个电话。')).toBe(false);
    expect(z('我保证,今天四点前我一定回电。')).toBe(false);
    expect(z('我保证,今天之内给您恢复。')).toBe(true);
    expect(z('我保证。今天四点前我一定回电。')).toBe(true);
    expect(z('我保证回电话给您,您放心。')).toBe(false);
    const e = promised(en);
    expect(e("I promise, I'll ring you back before four with whatever they say.")).toBe(false);
    expect(e("I promise, it'll be fixed by four.")).toBe(true);
  });
});

describe('problem solving', () => {
  const solved = (context: ReplyContext) => (reply: string) => flags(reply, context).problemSolving;

  it('特别, 分别 and the like hold 别 without negating the act; 别 alone still does', () => {
    const z = solved(zh);
    expect(z('我帮您特别加急。')).toBe(true);
    expect(z('我帮您分别申请。')).toBe(true);
    expect(z('我给您区别处理。')).toBe(true);
    expect(z('我先别给您退。')).toBe(false);
  });

  it('a routine with 都有 is described, not done for this customer', () => {
    const z = solved(zh);
    expect(z('我们都有两个人复核,不会有问题的。')).toBe(false);
    expect(z('我们两个人再帮您复核一遍。')).toBe(true);
  });

  it('a negation inside an if-clause before the act is the condition’s', () => {
    const e = solved(en);
    expect(e("If that's no good I can rebook you the first slot tomorrow.")).toBe(true);
    expect(e("If that's not convenient we can deliver on Saturday.")).toBe(true);
    expect(e("Unless that's no good, let me book it now.")).toBe(true);
    expect(e("I can't rebook you.")).toBe(false);
    expect(e("No. I won't rebook you.")).toBe(false);
    expect(e("If not, maybe, never mind, I can't rebook you.")).toBe(false);
    expect(e("If that's no good you can use the locker on Hill Street.")).toBe(true);
    expect(e("If you don't pay we'll cut you off.")).toBe(false);
    expect(solved(zh)('从来没有给您退过。')).toBe(false);
  });
});
