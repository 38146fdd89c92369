// Behaviours added from the eleventh blind batch, each as the reply that shows it and the
// nearest reply that must not: an English explainer is a word of its own ("it's a" does not
// start "it's applied"), a record claimed (从来没…过) or a document quoted (合同里写的是) is no
// step, and going into a router's or an app's back end to change a setting is a step, not
// sending the customer elsewhere. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const detected = (reply: string, locale: InputLocale) => evaluateReply(reply, { locale }).detected;
const jargon = (reply: string) => detected(reply, 'en').jargon;
const solves = (reply: string, locale: InputLocale = 'zh-CN') => detected(reply, locale).problemSolving;

describe('jargon: an English explainer is a word of its own', () => {
  it('does not explain a term when it only starts a longer word', () => {
    expect(jargon("That's the TXF, it's applied to all online bookings.")).toBe(true);
    expect(jargon("That'll be the QRB, it's already on your account.")).toBe(true);
    expect(jargon('You need the PKR, meanwhile the shop is closed.')).toBe(true);
    expect(jargon("It's the disbursements, it's all standard.")).toBe(true);
  });

  it('still explains it when the explainer is whole', () => {
    expect(jargon("That's the TXF, it's a booking fee on every online ticket.")).toBe(false);
    expect(jargon('You need the PKR, meaning the parking permit from reception.')).toBe(false);
    expect(jargon("That'll be the QRB (the quick return booking we made for you).")).toBe(false);
  });
});

describe('problem solving: a record claimed is no step', () => {
  it('is no step when the clause says it never happened', () => {
    expect(solves('不可能,我修了二十年车从来没装歪过。')).toBe(false);
    expect(solves('我们柜台从来没拿错过。')).toBe(false);
    expect(solves('我们店里从来不会退错钱。')).toBe(false);
    expect(solves('我們師傅從來沒裝錯過。', 'zh-TW')).toBe(false);
  });

  it('is a step when the never is in another clause', () => {
    expect(solves('我修一下刹车,五分钟就好。')).toBe(true);
    expect(solves('这种事以前从来没有过,我马上给您换一个新的。')).toBe(true);
    expect(solves('我们柜台给您拿一支新的。')).toBe(true);
  });
});

describe('problem solving: a document quoted is no step', () => {
  it('is no step when it says what the paper says', () => {
    expect(solves('我们合同里写的是“协助办理”,没有包过的说法。')).toBe(false);
    expect(solves('我们单子上写着“不退不换”。')).toBe(false);
    expect(solves('我们协议里写明了要本人办理。')).toBe(false);
  });

  it('is a step when the act is ours', () => {
    expect(solves('我们马上帮您办理退款。')).toBe(true);
    expect(solves('我把合同里写的条款拍给您看。')).toBe(true);
  });
});

describe("problem solving: a setting changed in a device's back end", () => {
  it('is a step, not sending the customer away', () => {
    expect(solves('您去路由器后台把端口打开就好。')).toBe(true);
    expect(solves('您去router後台把port 8000打開就好。', 'zh-TW')).toBe(true);
    expect(solves('您到App后台把通知打开就行。')).toBe(true);
  });

  it('is still sending the customer away when they go to someone else', () => {
    expect(solves('您去找物业经理吧。')).toBe(false);
    expect(solves('您去营业厅问问吧。')).toBe(false);
  });
});
