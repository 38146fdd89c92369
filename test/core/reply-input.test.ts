// evaluateReply is called from JavaScript too (a bot payload, a parsed batch line): a
// reply that is not a string is read as the text it stands for, never thrown on.
import { describe, expect, it } from 'vitest';
import { analyseReply, evaluateReply } from '../../evaluators/index.ts';

const context = { locale: 'zh-CN' as const, customer: '你少找我钱了!' };
const notText = (value: unknown) => value as string;

describe('a reply that is not a string', () => {
  it('null and undefined read as an empty reply', () => {
    const empty = evaluateReply('', context);
    expect(evaluateReply(notText(null), context)).toEqual(empty);
    expect(evaluateReply(notText(undefined), context)).toEqual(empty);
  });

  it('a number reads as its digits', () => {
    expect(evaluateReply(notText(50), context)).toEqual(evaluateReply('50', context));
  });
});

describe('an analysis handed in with the reply', () => {
  it('is used only when it is of this very reply in this locale; another reply’s is ignored', () => {
    const insult = '你这人是不是脑子有问题啊,我帮您查一下。';
    const calm = '好的,我帮您查一下。';
    const own = evaluateReply(insult, context);
    expect(own.findings.some((f) => f.evaluator === 'provocative')).toBe(true);
    expect(evaluateReply(insult, { ...context, analysis: analyseReply(insult, 'zh-CN') })).toEqual(own);
    expect(evaluateReply(insult, { ...context, analysis: analyseReply(calm, 'zh-CN') })).toEqual(own);
    expect(evaluateReply(calm, { ...context, analysis: analyseReply(insult, 'zh-CN') })).toEqual(evaluateReply(calm, context));
    // The same words read in another language are another analysis.
    const en = { locale: 'en' as const, customer: 'You short-changed me!' };
    const rude = 'You people are idiots. I will check the till.';
    const english = evaluateReply(rude, en);
    expect(english.findings.some((f) => f.evaluator === 'provocative')).toBe(true);
    expect(evaluateReply(rude, { ...en, analysis: analyseReply(rude, 'zh-CN') })).toEqual(english);
  });
});

describe('the order of findings', () => {
  it('is where they start in the reply, and at the same start the shorter first', () => {
    const replies: [string, 'zh-CN' | 'en'][] = [
      ['我知道了,您先不要讲了,这个我要先做POS void再开折让单,发票给我一下。', 'zh-CN'],
      ["I'm sorry that happened. I'm sending a replacement out today and I'll waive all your remaining payments on it too.", 'en'],
    ];
    for (const [reply, locale] of replies) {
      const spans = evaluateReply(reply, { locale, customer: '' }).findings.map((f) => f.span);
      const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(spans).toEqual(sorted);
      expect(spans.some((a, i) => spans.some((b, j) => j > i && b[0] > a[0] && b[1] < a[1]))).toBe(locale === 'zh-CN');
      expect(spans.some((a, i) => spans.some((b, j) => j > i && b[0] === a[0] && b[1] > a[1]))).toBe(locale === 'en');
    }
  });
});
