// Where a missed key moment was missed: the turn a tip quotes.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import type { KeyMoment, ScoredTurn } from '../types.ts';
import { missedAt } from './key-moments.ts';

const exchange: KeyMoment = {
  id: 'exchanged',
  label: { 'zh-CN': '换新机', en: 'Exchanged the phone' },
  dimension: 'problemSolving',
  example: { 'zh-CN': '我现在就给您换一台新的。', en: "I'm swapping it for a new one now." },
  when: { intent: ['exchange'] },
};

const turns = (replies: string[]): ScoredTurn[] =>
  replies.map((reply, i) => ({ turn: i + 1, customer: '', reply, evaluation: evaluateReply(reply, { locale: 'en' }), intents: [] }));

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
