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

  it('the same kind of sympathy re-worded in replies that offer nothing else is pasted too', () => {
    const reworded = playSession('paid-still-cut-off', 'en', [
      'Sorry for the inconvenience.',
      'Apologies for the inconvenience.',
      'We apologise for any inconvenience caused.',
      'Our apologies for the trouble.',
    ]).card;
    const zh = playSession('paid-still-cut-off', 'zh-CN', [
      '我非常理解您的感受。',
      '我十分理解您此刻的心情。',
      '我完全能够理解您。',
      '真的很理解您现在的难处。',
    ]).card;
    for (const card of [reworded, zh]) {
      expect(card.tips.some((t) => t.rule === 'pasted-empathy')).toBe(true);
      expect(card.dimensions.empathy).toBeLessThan(100);
    }
    // Each apology beside a step or a question about the case is not a paste, however alike the words.
    const helped = playSession('paid-still-cut-off', 'en', [
      'Sorry about this. When did you pay, and where?',
      "Sorry again, I'm checking the payment record now.",
      "Sorry for the wait: it's found, and I'm reconnecting your line now.",
    ]).card;
    expect(helped.tips.some((t) => t.rule === 'pasted-empathy')).toBe(false);
    const asked = playSession('paid-still-cut-off', 'zh-CN', [
      '真抱歉，您是昨天在哪儿交的？',
      '不好意思，您交了多少钱？',
      '对不起，您收据上的时间是几点？',
    ]).card;
    expect(asked.tips.some((t) => t.rule === 'pasted-empathy')).toBe(false);
    // Only the sympathy is compared: a fault repeated beside a different kind of sympathy each time is no paste.
    const denied = playSession('wrong-change', 'en', [
      'Sorry. That is impossible.',
      'I understand. That is impossible.',
      "Don't worry. That is impossible.",
    ]).card;
    expect(denied.tips.some((t) => t.rule === 'pasted-empathy')).toBe(false);
    // The same sympathy clause a third time is pasted even beside a step; the same step beside new sympathy is not.
    const sameClause = playSession('paid-still-cut-off', 'en', [
      "So sorry about this, I'm checking your payment now.",
      "So sorry about this, I'm calling the store now.",
      "So sorry about this, I'm reconnecting your line now.",
    ]).card;
    expect(sameClause.tips.some((t) => t.rule === 'pasted-empathy')).toBe(true);
    const sameStep = playSession('paid-still-cut-off', 'en', [
      "Sorry about that, I'm checking your payment now.",
      "I understand, I'm checking your payment now.",
      "Don't worry, I'm checking your payment now.",
    ]).card;
    expect(sameStep.tips.some((t) => t.rule === 'pasted-empathy')).toBe(false);
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

  it('a closing move never made is missed at the last chance for it, not at the first turn after the test', () => {
    const { card } = playSession('new-phone-fails', 'en', [
      'Let me run a test on it for you now, it takes about ten minutes.',
      'Thanks for waiting, the test is done and it does show a fault in the handset.',
      'So the handset itself is faulty, that much is clear now.',
    ]);
    const exchange = card.tips.find((t) => t.rule === 'moment:exchanged');
    expect(exchange?.turn).toBe(3);
    expect(exchange?.quote).toMatch(/^So the handset/);
  });

  it('a card that marks listening down says why, unless a missed moment about listening already does', () => {
    const offers = ['I am really sorry, three days without internet is awful.', 'Let me pull up your repair order right now.'];
    const silent = playSession('sorry-is-not-enough', 'en', offers).card;
    expect(silent.dimensions.interrupting).toBe(70);
    expect(silent.tips.find((t) => t.rule === 'no-listening')).toMatchObject({ dimension: 'interrupting', turn: 0, quote: '' });
    const asked = playSession('sorry-is-not-enough', 'en', ['When did the internet go down?', ...offers]).card;
    expect(asked.tips.some((t) => t.rule === 'no-listening')).toBe(false);
    // Asked once: listening is 85, and the card says a second check is missing.
    expect(asked.dimensions.interrupting).toBe(85);
    expect(asked.tips.find((t) => t.rule === 'more-listening')).toMatchObject({ dimension: 'interrupting', turn: 0, quote: '' });
    expect(asked.tips.find((t) => t.rule === 'more-listening')?.message).toMatch(/^Only one reply/);
    const twice = playSession('sorry-is-not-enough', 'en', [
      'When did the internet go down?',
      'Is the light on the modem red?',
      ...offers,
    ]).card;
    expect(twice.dimensions.interrupting).toBe(100);
    expect(twice.tips.some((t) => (t.rule ?? '').includes('listening'))).toBe(false);
    const zh = playSession('sorry-is-not-enough', 'zh-CN', ['三天没网，真是太耽误您了。', '我现在就查您的报修单。']).card;
    expect(zh.tips.find((t) => t.rule === 'no-listening')?.message).toMatch(/复述/);
    // new-phone-fails has a key moment for asking what goes wrong: its tip is the one shown.
    const moment = playSession('new-phone-fails', 'zh-CN', ['刚买两天就坏，换谁都窝火。', '我先帮您检测一下。']).card;
    expect(moment.tips.some((t) => t.rule === 'moment:asked-about-fault')).toBe(true);
    expect(moment.tips.some((t) => t.rule === 'no-listening')).toBe(false);
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
