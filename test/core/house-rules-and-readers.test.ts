// Behaviours added from the twelfth blind batch, each as the reply that shows it and the nearest
// reply that must not: a house rule or a contract's scope given as the answer is no step, though an
// act in the next clause still is; a customer who says they cannot read a term has not made it
// theirs; 哎哟 before a feeling granted is meant, not a sneer. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const detected = (reply: string, locale: InputLocale = 'zh-CN', customer?: string) => evaluateReply(reply, { locale, customer }).detected;

describe('problem solving: a house rule or a contract scope given as the answer', () => {
  it('is no step when the clause holding the verb states the rule', () => {
    expect(detected('我们疗程卡是不退不换的。').problemSolving).toBe(false);
    expect(detected('我们年卡都不退不换。').problemSolving).toBe(false);
    expect(detected('我们会员卡一概不退不换。').problemSolving).toBe(false);
    expect(detected('我們合約只有修剪,沒有包清運喔。', 'zh-TW').problemSolving).toBe(false);
    expect(detected('我们合同里只包安装。').problemSolving).toBe(false);
    expect(detected('我们协议上只管送货。').problemSolving).toBe(false);
    expect(detected('我们合约只含修剪。').problemSolving).toBe(false);
  });

  it('is still a step when the act is in another clause', () => {
    expect(detected('这个是不退不换的,不过我可以帮您换个颜色。').problemSolving).toBe(true);
    expect(detected('我们合同里只有保洁,不过这次我帮您把垃圾清走。').problemSolving).toBe(true);
    expect(detected('我们合约只包修剪,清运我另外帮您叫一辆车。').problemSolving).toBe(true);
    expect(detected('我们帮您退了,您查一下。').problemSolving).toBe(true);
  });

  it('leaves English as it was', () => {
    expect(detected("I'll refund it today.", 'en').problemSolving).toBe(true);
  });
});

describe('jargon: a term the customer says they cannot read is not yet theirs', () => {
  it('flags the term repeated to a customer who cannot read or follow it', () => {
    expect(detected('对,报告上写的是OSA。', 'zh-CN', '报告上写着OSA,我看不懂。').jargon).toBe(true);
    expect(detected('對,報告上就是寫MLU偏低。', 'zh-TW', '報告上寫MLU偏低,我看不懂。').jargon).toBe(true);
    expect(detected('对,他说的就是BOQ。', 'zh-CN', '师傅说要出BOQ,我听不懂。').jargon).toBe(true);
  });

  it("leaves the customer's own word alone when they only used it", () => {
    expect(detected('对,报告上写的是OSA。', 'zh-CN', '报告上写着OSA,严重吗?').jargon).toBe(false);
    expect(detected('好的,BOQ明天发您。', 'zh-CN', '你们的BOQ什么时候出?').jargon).toBe(false);
  });
});

describe('empathy: 哎哟 before a feeling granted is meant', () => {
  it('credits the feeling granted after 哎哟', () => {
    expect(detected('哎哟那确实难受,这几天先别烧了。').empathy).toBe(true);
    expect(detected('哎哟,这确实很闹心。').empathy).toBe(true);
    expect(detected('哎哟,真的很难受。').empathy).toBe(true);
    expect(detected('哎哟,真的是很难受。').empathy).toBe(true);
    expect(detected('哎哟,那真不好意思。').empathy).toBe(true);
  });

  it('still reads 哎哟 before a sneer as mockery', () => {
    expect(detected('哎哟,那真是辛苦您了。').empathy).toBe(false);
    expect(detected('哎哟,这真是辛苦您了。').empathy).toBe(false);
  });
});
