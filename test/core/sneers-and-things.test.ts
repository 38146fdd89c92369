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
