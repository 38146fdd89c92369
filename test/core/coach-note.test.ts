// The coach's note after a practice reply, as the trainee reads it under the customer's
// line: at most two points in the trainee's language, the costliest problem quoted in
// the trainee's own words (short), or what the reply did well, then the next move.
import { describe, expect, it } from 'vitest';
import { coachPoints, evaluateReply, type Finding, type RuleLocale } from '../../evaluators/index.ts';

const UPSET = { 'zh-CN': '我的网又断了!气死我了!', en: 'My internet is down again and I am furious!' } as const;
const NEXT =
  '先核对钱箱里的现金,再把结果告诉顾客,并说明差额怎么退还、多久能退回到顾客手里,如果钱箱对不上,就请值班经理一起看监控录像,当面给顾客一个说法';

function note(reply: string, locale: RuleLocale, options: { next?: string; interrupted?: boolean; customer?: string } = {}): string[] {
  const customer = options.customer ?? UPSET[locale];
  const evaluation = evaluateReply(reply, { locale, customer, interrupted: options.interrupted === true });
  return coachPoints({ reply, customer, evaluation, locale, ...(options.next ? { next: options.next } : {}) });
}

describe("the coach's note", () => {
  it('quotes the costliest problem of the reply, not the first, and says what to do about it in the trainee’s language', () => {
    // A flat denial comes first; the guarantee costs more.
    expect(note('不可能,我保证明天一定给您修好。', 'zh-CN')).toEqual(['“我保证” — 只承诺自己做得到的']);
    expect(note("That's impossible. I guarantee it will be fixed tomorrow.", 'en')).toEqual([
      '"I guarantee" — promise only what you can deliver',
    ]);
    expect(note('你这人是不是脑子有问题啊,这么简单的合同都看不懂。', 'zh-CN')).toEqual(['“你这人是不是脑子有问题啊” — 这句会激怒顾客']);
    expect(note("It's your fault, you should have read the terms.", 'en')).toEqual([
      '"It\'s your fault" — don\'t talk over or deny the customer',
    ]);
    expect(note('这个是HLR的问题。', 'zh-CN', { customer: '我的网断了。' })).toEqual(['“HLR” — 换成顾客听得懂的话']);
  });

  it('a wording check (a command, a negative) is never the problem quoted: it is not a fault', () => {
    expect(note('您必须先把收据给我,我再帮您查。', 'zh-CN')).toEqual(['顾客还在气头上,先接住情绪再办事。']);
    expect(note('You have to show me the receipt first, then I will check the till.', 'en')).toEqual([
      'The customer is still upset: acknowledge that before you act.',
    ]);
  });

  it('a long quote is shown on one line in at most 24 characters, cut with an ellipsis', () => {
    expect(note('You people are idiots who cannot read a simple contract, honestly.', 'en')).toEqual([
      '"You people are idiots w…" — this will make the customer angrier',
    ]);
    const reply = 'You people  are\nidiots who cannot read a simple contract.';
    const evaluation = evaluateReply(reply, { locale: 'en', customer: UPSET.en });
    const insult = evaluation.findings.find((f) => f.evaluator === 'provocative')!;
    const spread: Finding = { ...insult, text: reply.slice(0, 40) };
    const points = coachPoints({ reply, customer: UPSET.en, evaluation: { ...evaluation, findings: [spread] }, locale: 'en' });
    expect(points).toEqual(['"You people are idiots w…" — this will make the customer angrier']);
    const whole: Finding = { ...insult, text: 'You  people\nare idiots' };
    expect(coachPoints({ reply, customer: UPSET.en, evaluation: { ...evaluation, findings: [whole] }, locale: 'en' })).toEqual([
      '"You people are idiots" — this will make the customer angrier',
    ]);
  });

  it('a reply sent while the customer was still talking is told to wait, whatever it says', () => {
    expect(note('好的。', 'zh-CN', { interrupted: true })).toEqual(['顾客还没说完,先听完再回应。']);
    expect(note('OK.', 'en', { interrupted: true })).toEqual(['The customer had not finished: wait until they have.']);
  });

  it('names every good thing the reply did, joined as each language lists things', () => {
    expect(note('非常抱歉,您是什么时候开始断的?我现在就帮您查。', 'zh-CN')).toEqual([
      '做得好:接住了顾客的情绪、给出了具体的办法、问清/复述了情况',
    ]);
    expect(note("I'm sorry. When did it start? I'll check it right now.", 'en')).toEqual([
      'Good: acknowledged how the customer feels, offered a concrete step, checked the facts with the customer',
    ]);
    expect(note('When did it start?', 'en')).toEqual(['Good: checked the facts with the customer']);
  });

  it('an upset customer left unacknowledged is pointed out; a question that only asks, or a greeting, is not told so', () => {
    expect(note('我帮您看看。', 'zh-CN')).toEqual(['顾客还在气头上,先接住情绪再办事。']);
    expect(note('这个我也不清楚。', 'zh-CN')).toEqual(['顾客还在气头上,先接住情绪再办事。']);
    expect(note("I'll have a look.", 'en')).toEqual(['The customer is still upset: acknowledge that before you act.']);
    expect(note('您是什么时候开始断网的?', 'zh-CN')).toEqual(['做得好:问清/复述了情况']);
    expect(note('您好。', 'zh-CN')).toEqual([]);
  });

  it('the next move follows in at most 60 characters, and the note never has more than two points', () => {
    const points = note('我帮您看看。', 'zh-CN', { next: NEXT });
    expect(points).toHaveLength(2);
    expect(points[1]).toBe(`下一步:${NEXT.slice(0, 59)}…`);
    expect(note('我帮您看看。', 'zh-CN', { next: NEXT.slice(0, 60) })[1]).toBe(`下一步:${NEXT.slice(0, 60)}`);
    expect(note('I will check it.', 'en', { next: 'Count the till.', customer: 'Hello.' })).toEqual([
      'Good: offered a concrete step',
      'Next: Count the till.',
    ]);
    expect(note('您好。', 'zh-CN', { next: '  问清楚\n 顾客给了多少钱 ' })).toEqual(['下一步:问清楚 顾客给了多少钱']);
  });
});
