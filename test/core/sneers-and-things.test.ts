// Behaviours added from the ninth blind batch, each as the reply that shows it and the
// nearest reply that must not: sorry that the thing is not up to the customer's
// standards (a sneer at the complaint), understanding what a box or a leaflet says
// (a thing, not a feeling), and a sneer opening with 喔 / 哦 around the customer's
// words in quotes. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

const empathy = (reply: string, locale: InputLocale = 'en') =>
  evaluateReply(reply, { locale, customer: '这也太差了吧 / This is awful.' }).detected.empathy;

describe("empathy: sorry that it is not up to the customer's standards", () => {
  it('is a sneer, whatever the verb and the standard', () => {
    expect(empathy("I'm sorry the room isn't up to your standards.")).toBe(false);
    expect(empathy("Sorry the soup wasn't quite to your liking, madam.")).toBe(false);
    expect(empathy("So sorry the view isn't good enough for you.")).toBe(false);
    expect(empathy("I'm sorry the seats aren't up to your expectations.")).toBe(false);
    expect(empathy('Sorry the menu is not to your taste.')).toBe(false);
    expect(empathy('Sorry the spa was not up to five-star standard.')).toBe(false);
    expect(empathy("We're sorry the rooms weren't up to hotel standards.")).toBe(false);
    expect(empathy('Sorry the rooms are not good enough for you.')).toBe(false);
  });

  it('not when the sorry is for the trouble, or the standard is owned in the next sentence', () => {
    expect(empathy("I'm sorry the room isn't ready yet.")).toBe(true);
    expect(empathy("I'm sorry. The heater isn't up to standard, I'll send someone up.")).toBe(true);
    expect(empathy("I'm so sorry, that's not up to our standards and I'll fix it.")).toBe(true);
    expect(empathy("Sorry it took so long; the part wasn't in stock.")).toBe(true);
  });
});

describe('empathy: understanding what a thing says', () => {
  it('is about the thing, whatever the thing', () => {
    expect(empathy('I understand the box says bottle included.')).toBe(false);
    expect(empathy('I understand that our website said next-day.')).toBe(false);
    expect(empathy('I understand the label reads dry clean only.')).toBe(false);
    expect(empathy('I understand this leaflet lists Sunday hours.')).toBe(false);
    expect(empathy('I understand your receipt shows two items.')).toBe(false);
    expect(empathy('I understand the brochure stated free parking.')).toBe(false);
    expect(empathy('I understand the sign showed a different price.')).toBe(false);
    expect(empathy('I understand the menu listed it as vegan.')).toBe(false);
  });

  it("not when it is the customer's trouble that is understood", () => {
    expect(empathy('I understand the wait has been awful.')).toBe(true);
    expect(empathy('I understand your frustration.')).toBe(true);
    expect(empathy('I understand, the box is damaged and that is annoying.')).toBe(true);
  });
});

describe("empathy: a sneer opening with 喔 / 哦 around the customer's words in quotes", () => {
  it('is no sympathy, with corner, curly or straight quotes', () => {
    expect(empathy('哦,让您觉得“服务太差”真是不好意思啊,排队本来就要等。', 'zh-CN')).toBe(false);
    expect(empathy('噢，您说的「天大的委屈」我们很抱歉。', 'zh-CN')).toBe(false);
    expect(empathy('喔,您说"等太久"我们很抱歉喔。', 'zh-CN')).toBe(false);
    expect(empathy('喔,讓您覺得「服務太差」我們真是很抱歉喔。', 'zh-TW')).toBe(false);
  });

  it('not without the opening, without quotes, or with the quote in a later sentence', () => {
    expect(empathy('哦,真的很抱歉让您久等了。', 'zh-CN')).toBe(true);
    expect(empathy('我们很抱歉,「服务太差」这个评价我们会认真改。', 'zh-CN')).toBe(true);
    expect(empathy('喔,真不好意思。您说的「等太久」我们会改进。', 'zh-CN')).toBe(true);
    expect(empathy('嗯,让您觉得“服务太差”真是不好意思。', 'zh-CN')).toBe(true);
  });
});

// Tenth blind batch: a sneer opening with 呵呵, a drawn-out 喔～ or 喔,那真是…; 哎哟 before an apology is meant.
describe('empathy: sympathy opened by a sneer (tenth batch)', () => {
  it('is a sneer after 呵呵, 喔～ or 喔,那真是', () => {
    expect(empathy('呵呵,那真是辛苦您了,说明书上写得清清楚楚。', 'zh-CN')).toBe(false);
    expect(empathy('呵呵,真不容易啊,这点小事也来投诉。', 'zh-CN')).toBe(false);
    expect(empathy('喔～真是辛苦您了喔,自己不會先看一下嗎?', 'zh-TW')).toBe(false);
    expect(empathy('喔，那真是抱歉喔，下雨也要算我們的。', 'zh-TW')).toBe(false);
  });

  it('not when the sympathy stands on its own, or 哎哟 opens an apology', () => {
    expect(empathy('真是辛苦您了,我马上帮您看一下。', 'zh-CN')).toBe(true);
    expect(empathy('喔,真的很抱歉,我馬上幫您處理。', 'zh-TW')).toBe(true);
    expect(empathy('哎哟,那真不好意思啊,我给您换一份。', 'zh-CN')).toBe(true);
    expect(empathy('哎哟,实在对不起,让您久等了。', 'zh-CN')).toBe(true);
    expect(empathy('哎哟,您可真是太可怜了,天天跑来问。', 'zh-CN')).toBe(false);
  });
});

// A term explained after a full-width comma is explained (cork taint，就是…), as after a half-width one.
describe('jargon: an explanation after a full-width comma', () => {
  const jargon = (reply: string, locale: InputLocale) => evaluateReply(reply, { locale, customer: '' }).detected.jargon;
  it('explains the term, in either width', () => {
    expect(jargon('那應該是cork taint，就是軟木塞受到污染造成的霉味。', 'zh-TW')).toBe(false);
    expect(jargon('这是OTDR，就是测光纤断点的仪器。', 'zh-CN')).toBe(false);
    expect(jargon('这是OTDR,就是测光纤断点的仪器。', 'zh-CN')).toBe(false);
    expect(jargon('我们用OTDR，简单说，就是找断点。', 'zh-CN')).toBe(false);
  });
  it('not when nothing explains it', () => {
    expect(jargon('这是OTDR，我们明天来测。', 'zh-CN')).toBe(true);
  });
});

// Tenth blind batch: a routine described in defence (件件都检查过, 每天开门前都…) is no step for this customer.
describe('problem solving: a routine described, not a step (tenth batch)', () => {
  const solving = (reply: string) => evaluateReply(reply, { locale: 'zh-CN', customer: '东西坏了!' }).detected.problemSolving;
  it('is a description of what we always do', () => {
    expect(solving('我们出库前件件都检查过,不会有问题的。')).toBe(false);
    expect(solving('我们发货前个个都检查,您再看看。')).toBe(false);
    expect(solving('我们每天开门前都把机关过一遍。')).toBe(false);
    expect(solving('我们每次营业前都检查设备。')).toBe(false);
  });
  it('not when the check is for this customer', () => {
    expect(solving('我现在就把这件检查一下,十分钟给您答复。')).toBe(true);
    expect(solving('明天开门前我先把这台机器检查一遍,再给您打电话。')).toBe(true);
  });
});
