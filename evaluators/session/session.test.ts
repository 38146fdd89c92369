// The session as a trainer judges it: insults flagged, keyword lists and pasted sympathy
// recognised and cost, listening credited, tips from the scenario's own key moments.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import { coachPoints } from '../report/coach.ts';
import { playSession } from '../../test/support/play-session.ts';
import { replyListening } from '../analysis/listening.ts';
import { keywordList } from './patterns.ts';

const provoking = (reply: string, locale: 'zh-CN' | 'en') =>
  evaluateReply(reply, { locale })
    .findings.filter((f) => f.evaluator === 'provocative')
    .map((f) => f.rule);

describe('a session judged as a whole', () => {
  it('flags insults and threats as provoking words, in both languages', () => {
    expect(provoking('你们这些干装修的就是素质差', 'zh-CN')).toContain('insult');
    expect(provoking('有病吧', 'zh-CN')).toContain('insult');
    expect(provoking('you idiot', 'en')).toContain('insult');
    expect(provoking("Touch me and I'll call the police.", 'en')).toContain('threat');
  });

  it('reads keyword lists and listening moves', () => {
    expect(keywordList('小票，钱箱，核对，清点。', 'zh-CN')).toBe(true);
    expect(keywordList('Receipt, till, count, refund.', 'en')).toBe(true);
    expect(keywordList('我先核对小票，再清点钱箱，马上给您结果。', 'zh-CN')).toBe(false);
    expect(replyListening('您当时给我的是一百的吗？', '', 'zh-CN').question).toBe(true);
    expect(replyListening('您好，请问有什么可以帮您？', '', 'zh-CN').question).toBe(false);
    expect(
      replyListening('So you gave me a hundred and got five back, is that right?', 'I gave you a hundred and got five back!', 'en').restate,
    ).toBe(true);
  });

  it('an abandoned model session scores above a poor one, and shortness earns nothing by itself', () => {
    const model = playSession('wrong-change', 'zh-CN', ['您别着急，少找了钱谁都着急，您慢慢说。', '您当时给我的是一百的吗？']).card;
    const poor = playSession('wrong-change', 'zh-CN', ['不可能，我们收银机从来不会错。', '你自己算错了吧。']).card;
    expect(model.outcome).not.toBe('resolved');
    expect(model.overall).toBeGreaterThan(poor.overall);
    const stuffed = playSession('wrong-change', 'zh-CN', ['小票，钱箱，核对，清点。', '差额退给您。']).card;
    const listened = playSession('wrong-change', 'zh-CN', [
      '您别着急，少找了钱谁都着急，您慢慢说。',
      '您是说您给了一张一百的，我只找了您五块，对吗？',
      '我现在就当着您的面清点钱箱、核对小票。',
      '钱箱确实多了五十，这五十块退给您，给您添麻烦了。',
    ]).card;
    // Bare keywords move no customer; the card still says why the session went nowhere.
    expect(stuffed.outcome).not.toBe('resolved');
    expect(listened.overall).toBeGreaterThan(stuffed.overall);
    expect(stuffed.tips.some((t) => t.quote.includes('小票，钱箱'))).toBe(true);
  });

  it('pasted sympathy earns less than sympathy said once and followed by help', () => {
    const pasted = playSession(
      'paid-still-cut-off',
      'en',
      Array.from({ length: 4 }, () => "I'm so sorry for the inconvenience."),
    );
    expect(pasted.card.tips.some((t) => t.rule === 'pasted-empathy')).toBe(true);
    expect(pasted.card.dimensions.empathy).toBeLessThan(100);
  });

  it('tips suggest this scenario’s own phrasings, never another scenario’s, and never fault a fact question', () => {
    const { card } = playSession('angry-contractor', 'en', [
      'What time did the materials arrive?',
      'Those are the rules. Move it or else.',
    ]);
    const text = JSON.stringify(card.tips);
    expect(text).not.toMatch(/till|contacts|number has to change|renovation pass/i);
    expect(card.tips.every((t) => t.quote !== 'What time did the materials arrive?' || t.dimension !== 'empathy')).toBe(true);
    expect(card.keyMoments?.length).toBeGreaterThanOrEqual(4);
  });

  it('the coach gives at most two short points in the trainee’s language with no internal ids', () => {
    const reply = '不可能，我们从来没找错过。';
    const points = coachPoints({
      reply,
      customer: '你这钱找得不对啊！',
      evaluation: evaluateReply(reply, { locale: 'zh-CN', customer: '你这钱找得不对啊！' }),
      locale: 'zh-CN',
      next: '说清楚你现在就核对小票、清点钱箱。',
    });
    expect(points.length).toBeLessThanOrEqual(2);
    expect(points.join('')).not.toMatch(/[a-z][A-Z]|interrupting|problemSolving/);
    expect(points[1]).toContain('核对小票');
  });
});
