// Where a missed key moment was missed: the turn a tip quotes.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import type { KeyMoment, ScoredTurn } from '../types.ts';
import { keyMomentResults, missedAt } from './key-moments.ts';
import { keyMomentLine } from '../report/render-text.ts';

const exchange: KeyMoment = {
  id: 'exchanged',
  label: { 'zh-CN': '换新机', en: 'Exchanged the phone' },
  dimension: 'problemSolving',
  example: { 'zh-CN': '我现在就给您换一台新的。', en: "I'm swapping it for a new one now." },
  when: { intent: ['exchange'] },
};

const turns = (replies: string[]): ScoredTurn[] =>
  replies.map((reply, i) => ({ turn: i + 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }), intents: [] }));

/** The same reply in every turn, recognised with the intents given turn by turn. */
const withIntents =
  (reply: string) =>
  (moves: string[][]): ScoredTurn[] =>
    moves.map((intents, i) => ({ turn: i + 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }), intents }));
const played = withIntents('I can swap it for a new one.');
const asked = withIntents('Why do you want a new one?');

describe('a missed moment', () => {
  it('with nothing gone wrong, is missed at the last turn it was due in', () => {
    const t = turns(['Let me run a test on it for you now.', 'The test is done and it shows a fault.', 'So the handset is faulty.']);
    expect(missedAt(exchange, t, 'en')?.turn).toBe(3);
  });

  it('is missed at the first turn that went wrong: a fault, or a refusal', () => {
    const fault = turns([
      'Let me run a test on it for you now.',
      'The logs show a baseband crash on the SoC.',
      'So the handset is faulty.',
    ]);
    expect(missedAt(exchange, fault, 'en')?.turn).toBe(2);
    const refusal = turns(['Let me run a test on it for you now.', 'Unfortunately a refund is not possible.', 'So the handset is faulty.']);
    expect(missedAt(exchange, refusal, 'en')?.turn).toBe(2);
  });
});

describe('a moment due after another move', () => {
  const after: KeyMoment = { ...exchange, after: 'test' };
  it('is met in the reply that makes that move or a later one', () => {
    expect(keyMomentResults([after], played([['test'], ['exchange']]), 'en')[0]).toMatchObject({ met: true, turn: 2 });
    expect(keyMomentResults([after], played([['test', 'exchange']]), 'en')[0]).toMatchObject({ met: true, turn: 1 });
  });

  it('is not met before it, nor without it, and the reply that came too early is where it was missed', () => {
    const early = played([['exchange'], ['test']]);
    expect(keyMomentResults([after], early, 'en')[0]).toMatchObject({ met: false, turn: null });
    expect(missedAt(after, early, 'en')?.turn).toBe(1);
    expect(keyMomentResults([after], played([['exchange']]), 'en')[0]).toMatchObject({ met: false, turn: null });
    expect(keyMomentResults([exchange], played([['exchange']]), 'en')[0]).toMatchObject({ met: true, turn: 1 });
  });
});

describe('a moment held over every turn of a state', () => {
  const calm: KeyMoment = {
    id: 'stayed-calm',
    label: { 'zh-CN': '被揪住衣服后仍保持冷静', en: 'Stayed calm after the grab' },
    dimension: 'interrupting',
    example: { 'zh-CN': '师傅，您先松手，咱们慢慢说。', en: "Let go, please, and we'll talk it through." },
    every: true,
    when: { state: ['grabbed'], avoids: ['interrupting'] },
  };
  const inStates = (states: string[]): ScoredTurn[] =>
    states.map((state, i) => ({
      turn: i + 1,
      customer: '',
      reply: 'I hear you.',
      evaluation: evaluateReply('I hear you.', { locale: 'en' }),
      intents: [],
      state,
    }));

  it('did not come up when its state never came, and the card says so instead of a tick', () => {
    const result = keyMomentResults([calm], inStates(['complaint', 'reasons']), 'en')[0]!;
    expect(result).toMatchObject({ met: true, turn: null, arose: false });
    expect(keyMomentLine(result, 'en')).toBe('– Stayed calm after the grab (did not come up)');
    expect(keyMomentLine({ ...result, label: calm.label['zh-CN'] }, 'zh-CN')).toBe('– 被揪住衣服后仍保持冷静 (本场没有出现)');
  });

  it('is met, with a tick, when its state came and every reply in it held', () => {
    const result = keyMomentResults([calm], inStates(['complaint', 'grabbed']), 'en')[0]!;
    expect(result).toMatchObject({ met: true, turn: 2 });
    expect(result.arose).toBeUndefined();
    expect(keyMomentLine(result, 'en')).toBe('✓ Stayed calm after the grab (turn 2)');
    expect(keyMomentResults([calm], [], 'en')[0]).toMatchObject({ met: false, turn: null });
    expect(keyMomentResults([calm], [], 'en')[0]!.arose).toBeUndefined();
  });
});

describe('a moment that asks for words', () => {
  const refund: KeyMoment = {
    id: 'refund',
    label: { 'zh-CN': '说明退款', en: 'Explained the refund' },
    dimension: 'problemSolving',
    example: { 'zh-CN': '多收的钱今天退到您卡上。', en: 'The overcharge goes back on your card today.' },
    when: { words: { 'zh-CN': ['退还'], en: ['Refund'] } },
  };
  const said = (reply: string, locale: 'en' | 'zh-CN') =>
    keyMomentResults([refund], [{ turn: 1, customer: '', reply, evaluation: evaluateReply(reply, { locale }) }], locale)[0]!.met;

  it('finds an English word whatever its case, in the reply or in the scenario', () => {
    expect(said('The refund is on its way back to your card.', 'en')).toBe(true);
    expect(said('REFUND ISSUED to your card just now, Mr Li.', 'en')).toBe(true);
    expect(said('The money is on its way back to your card.', 'en')).toBe(false);
  });

  it('finds a Chinese word written in either script, in the reply or in the scenario', () => {
    expect(said('多收的钱我现在就退还给您。', 'zh-CN')).toBe(true);
    expect(said('多收的錢我現在就退還給您。', 'zh-CN')).toBe(true);
    const traditional: KeyMoment = { ...refund, when: { words: { 'zh-CN': ['退還'], en: ['refund'] } } };
    const met = (reply: string) =>
      keyMomentResults(
        [traditional],
        [{ turn: 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'zh-CN' }) }],
        'zh-CN',
      )[0]!.met;
    expect(met('多收的钱我现在就退还给您。')).toBe(true);
    expect(met('多收的钱我现在就给您。')).toBe(false);
  });

  it('with words for the other language only, asks for none in this one', () => {
    const chineseOnly: KeyMoment = { ...refund, when: { intent: ['refund'], words: { 'zh-CN': ['退还'] } } };
    const reply = 'I am sending the money back now.';
    const turn: ScoredTurn = { turn: 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }), intents: ['refund'] };
    expect(keyMomentResults([chineseOnly], [turn], 'en')[0]).toMatchObject({ met: true, turn: 1 });
  });
});

describe('a moment that must avoid a fault', () => {
  const plainly: KeyMoment = {
    id: 'plainly',
    label: { 'zh-CN': '用大白话说明检查', en: 'Explained the check in plain words' },
    dimension: 'jargon',
    example: { 'zh-CN': '我先查一下您的上网设置。', en: "I'll check your phone's internet settings first." },
    when: { words: { 'zh-CN': ['查'], en: ['check'] }, avoids: ['jargon'] },
  };
  const met = (reply: string) =>
    keyMomentResults([plainly], [{ turn: 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }) }], 'en')[0]!.met;

  it('is missed by a reply with that fault, and only that fault', () => {
    expect(met('Sorry, I will check your internet settings now.')).toBe(true);
    // A command is a fault of another kind: the moment asks only for plain words.
    expect(met('You must restart it, and I will check your internet settings now.')).toBe(true);
    expect(met('Sorry, I will check your APN settings now.')).toBe(false);
  });
});

describe('a moment that asks for something said', () => {
  const refund: KeyMoment = {
    id: 'refund',
    label: { 'zh-CN': '说明退款', en: 'Explained the refund' },
    dimension: 'problemSolving',
    example: { 'zh-CN': '多收的钱今天退到您卡上。', en: 'The overcharge goes back on your card today.' },
    when: { words: { 'zh-CN': ['退'], en: ['refund'] } },
  };
  const calm: KeyMoment = { ...refund, id: 'calm', dimension: 'interrupting', when: { avoids: ['jargon'] } };
  const asked: KeyMoment = { ...refund, id: 'asked', when: { intent: ['refund', 'exchange'] } };
  const results = (reply: string, intents: string[] = []) =>
    keyMomentResults(
      [refund, calm, asked],
      [{ turn: 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }), intents }],
      'en',
    ).map((r) => r.met);

  it('is not met by a bare list of keywords, which says nothing to the customer', () => {
    expect(results('Receipt, till, count, refund.', ['refund'])).toEqual([false, true, false]);
    expect(results('The refund goes back on your card today.', ['refund'])).toEqual([true, true, true]);
  });

  it('is not met by a reply that insults the customer, though a command alone does not undo it', () => {
    expect(results('The refund goes back on your card today, you idiot.', ['refund'])).toEqual([false, true, false]);
    expect(results('You must keep the receipt: the refund goes back on your card today.', ['refund'])).toEqual([true, true, true]);
  });

  it('asking for any of several intents, is met by one of them', () => {
    expect(results('I can swap it for a new one now.', ['exchange'])[2]).toBe(true);
    expect(results('I can swap it for a new one now.', [])[2]).toBe(false);
  });
});

describe('where a missed moment was missed', () => {
  it('never at a greeting, a reply that only asks, or a bare list of keywords', () => {
    const t = turns([
      'Hello, how can I help?',
      'Let me run a test on it for you now.',
      'When did you buy it?',
      'Receipt, till, count, refund.',
    ]);
    expect(missedAt(exchange, t, 'en')?.turn).toBe(2);
  });

  it('not at a reply shown met for another moment', () => {
    const t = turns(['Let me run a test on it for you now.', 'The test is done and it shows a fault.', 'So the handset is faulty.']);
    expect(missedAt(exchange, t, 'en', new Set([3]))?.turn).toBe(2);
  });

  it('not at a reply whose only fault is of another kind than the four', () => {
    const t = turns(['You must keep the box, and I will run a test on it now.', 'The test shows a fault in the handset.']);
    expect(missedAt(exchange, t, 'en')?.turn).toBe(2);
  });

  it('held over every turn, at the first reply that broke it and says something of its own', () => {
    const plain: KeyMoment = { ...exchange, id: 'plain', dimension: 'jargon', every: true, when: { avoids: ['jargon'] } };
    const t = turns(['What is your IMEI?', 'Let me run a test on it for you now.', 'The logs show a baseband crash on the SoC.']);
    expect(missedAt(plain, t, 'en')?.turn).toBe(3);
    // The reply that broke it, though a later one has a fault of its own.
    const polite: KeyMoment = { ...exchange, id: 'polite', every: true, when: { words: { 'zh-CN': ['您'], en: ['sir'] } } };
    const u = turns(['Sir, let me run a test on it now.', 'The test is running now.', 'Sir, the logs show a baseband crash on the SoC.']);
    expect(missedAt(polite, u, 'en')?.turn).toBe(2);
  });
});

describe('a moment due before another move', () => {
  const before: KeyMoment = { ...exchange, id: 'asked-why', when: { intent: ['ask-why'] }, before: 'exchange' };
  it('is met up to the reply that makes that move, that reply included', () => {
    expect(keyMomentResults([before], asked([['ask-why'], ['exchange']]), 'en')[0]).toMatchObject({ met: true, turn: 1 });
    expect(keyMomentResults([before], asked([['ask-why', 'exchange']]), 'en')[0]).toMatchObject({ met: true, turn: 1 });
    expect(keyMomentResults([before], asked([['ask-why']]), 'en')[0]).toMatchObject({ met: true, turn: 1 });
    expect(keyMomentResults([before], asked([['exchange'], ['ask-why']]), 'en')[0]).toMatchObject({ met: false, turn: null });
  });
});

describe('where a missed moment was missed, by kind', () => {
  it('made before the move it must follow: the first reply that made it too early', () => {
    const after: KeyMoment = { ...exchange, id: 'after-test', after: 'test' };
    const t = played([[], ['exchange'], ['test']]);
    expect(keyMomentResults([after], t, 'en')[0]!.met).toBe(false);
    expect(missedAt(after, t, 'en')?.turn).toBe(2);
  });

  it('sympathy: the first reply where the customer was upset and met none, though a later one has a fault', () => {
    const pairs: [string, string][] = [
      ['What time do you close?', 'Let me check the hours for you.'],
      ['This is outrageous, I am furious!', 'Let me run a test on it now.'],
      ['I am furious!', 'The logs show a baseband crash on the SoC.'],
    ];
    const t: ScoredTurn[] = pairs.map(([customer, reply], i) => ({
      turn: i + 1,
      customer,
      reply,
      evaluation: evaluateReply(reply, { locale: 'en', customer }),
    }));
    const sympathy: KeyMoment = {
      ...exchange,
      id: 'sympathy',
      dimension: 'empathy',
      when: { words: { 'zh-CN': ['抱歉'], en: ['sorry'] } },
    };
    const shown: KeyMoment = { ...exchange, id: 'shown', dimension: 'interrupting', when: { shows: ['empathy'] } };
    expect(missedAt(sympathy, t, 'en')?.turn).toBe(2);
    expect(missedAt(shown, t, 'en')?.turn).toBe(2);
    expect(missedAt(exchange, t, 'en')?.turn).toBe(3);
  });
});
