// The score card read from a stored turn log: what each logged turn holds reaches the card
// once, with the trainee's words, the evaluator's better phrasing and the state it answered.
import { describe, expect, it } from 'vitest';
import { endSession, loadLibrary, scoreCard, startSession, type SessionStateJson } from './index.ts';
import type { TurnSummary } from './turn-log.ts';

const scenario = loadLibrary().scenarios.get('wrong-change')!;
const scores = { interrupting: 100, empathy: 100, jargon: 100, promises: 100, problemSolving: 100 };
const EMPATHY = 'Take your time, I can see why you are upset.';

function turn(over: Partial<TurnSummary>): TurnSummary {
  return {
    customer: 'This change is wrong!',
    reply: 'Let me look.',
    scores,
    applicable: ['empathy', 'jargon'],
    detected: [],
    checks: [],
    findings: [],
    interrupted: false,
    ...over,
  };
}

/** The card of an ended wrong-change session whose log is `log`. */
function cardOf(log: TurnSummary[]) {
  const { session } = startSession(scenario, { locale: 'en', seed: 1, now: 0 });
  const ended = endSession(scenario, { ...session, log } as SessionStateJson, 60_000, 'abandoned');
  return scoreCard(scenario, ended.session);
}

describe('the score card of a logged session', () => {
  it('counts provoking words once, though the turn logs both the words and the failed check', () => {
    const provoking = { evaluator: 'provocative', rule: 'provocative', text: 'calm down', message: 'Provokes.', suggestion: '' };
    const card = cardOf([
      turn({
        reply: 'Calm down, the POS is slow.',
        findings: [provoking, { ...provoking, evaluator: 'jargon', rule: 'term', text: 'POS' }],
        checks: [{ check: 'provocative', good: false }],
      }),
      turn({ reply: 'Please wait a moment.', checks: [{ check: 'requestWording', good: true }] }),
      // Another evaluator's words in the same turn do not stand for the failed check.
      turn({
        reply: 'Wait, the POS is slow.',
        findings: [{ ...provoking, evaluator: 'jargon', rule: 'term', text: 'POS' }],
        checks: [{ check: 'requestWording', good: false }],
      }),
    ]);
    expect(card.extras.provocative).toEqual({ good: 0, bad: 1 });
    expect(card.extras.requestWording).toEqual({ good: 1, bad: 1 });
  });

  it('a logged finding’s better phrasing reaches the tips, with the trainee’s own words', () => {
    // The scenario's own plain word for its own term is the tip's suggestion.
    const term = { evaluator: 'jargon', rule: 'scenario-term', text: 'POS', message: 'Jargon.', suggestion: 'the shop computer' };
    const card = cardOf([turn({ reply: 'The POS shows it.', detected: ['jargon'], scores: { ...scores, jargon: 0 }, findings: [term] })]);
    const tip = card.tips.find((t) => t.dimension === 'jargon');
    expect(tip?.quote).toBe('POS');
    expect(tip?.suggestion).toContain('the shop computer');
  });

  it('a key moment due in a state is met only by a turn that answered that state', () => {
    const credited = [{ evaluator: 'empathy', rule: 'empathy', text: EMPATHY }];
    const empathic: Partial<TurnSummary> = { reply: EMPATHY, credited, detected: ['empathy'], intents: [], listening: [] };
    const met = (state?: string) =>
      cardOf([turn({ ...empathic, ...(state ? { state } : {}) })]).keyMoments?.find((k) => k.id === 'heard-her-out')?.met;
    expect(met('complaint')).toBe(true);
    expect(met()).toBe(false);
  });
});
