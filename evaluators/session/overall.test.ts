// How a session's overall score is made from its dimensions, as docs/scenarios.md
// ("How a session is scored") tells a trainer: the weighted mean of the dimensions
// and the share of key moments met, cut by an ending that did not solve the problem,
// less what gaming costs, and cut again when the trainee never took up the case.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import type { Dimension, KeyMoment, ScenarioRules, ScoredTurn, SessionOutcome } from '../types.ts';
import { keyMoment } from '../../test/support/key-moment.ts';
import { BASE_WEIGHTS, COURTESY_ONLY, judgeSession, OUTCOME_FACTOR, type SessionJudgement } from './judge.ts';

const upset = 'I am furious, my bill is wrong!';

function judge(
  replies: string[],
  options: { outcome?: SessionOutcome; weights?: ScenarioRules['weights']; keyMoments?: KeyMoment[] } = {},
): SessionJudgement {
  const turns: ScoredTurn[] = replies.map((reply, i) => ({
    turn: i + 1,
    customer: upset,
    reply,
    evaluation: evaluateReply(reply, { locale: 'en', customer: upset }),
  }));
  return judgeSession(turns, { locale: 'en', outcome: options.outcome ?? 'resolved', ...options });
}

/** The dimensions' mean, each weighed by its base weight times the scenario's. */
function quality(j: SessionJudgement, weights: ScenarioRules['weights'] = {}): number {
  let sum = 0;
  let total = 0;
  for (const [d, score] of Object.entries(j.dimensions) as [Dimension, number | null][]) {
    const w = BASE_WEIGHTS[d] * (weights[d] ?? 1);
    if (score === null || !w) continue;
    sum += w * score;
    total += w;
  }
  return sum / total;
}

const sorry = "I'm so sorry about this.";
const asks = "I'm so sorry about this. When did you first see the wrong charge?";
const step = 'I will check the charge now.';
const keywords = 'Receipt, till, count, refund.';

describe('the overall score', () => {
  it('with no key moments, is the weighted mean of the dimensions, cut by the ending', () => {
    const j = judge([asks, step]);
    expect(j.overall).toBe(Math.round(quality(j)));
    const escalated = judge([asks, step], { outcome: 'escalated' });
    expect(escalated.overall).toBe(Math.round(quality(escalated) * OUTCOME_FACTOR.escalated));
  });

  it('weighs each dimension by the scenario’s weight, and leaves out one weighed nought', () => {
    const replies = [asks, 'I will check the HLR now.'];
    for (const weights of [{ jargon: 3 }, { jargon: 0 }, { problemSolving: 2, empathy: 0.5 }]) {
      const j = judge(replies, { weights });
      expect(j.overall).toBe(Math.round(quality(j, weights)));
    }
    expect(judge(replies, { weights: { jargon: 3 } }).overall).toBeLessThan(judge(replies).overall);
    expect(judge(replies, { weights: { jargon: 0 } }).overall).toBeGreaterThan(judge(replies).overall);
  });

  it('adds the share of key moments met to the mean', () => {
    const checked = keyMoment('checked', 'problemSolving', { words: { 'zh-CN': ['查'], en: ['check'] } });
    const refunded = keyMoment('refunded', 'problemSolving', { words: { 'zh-CN': ['退'], en: ['refund'] } });
    const j = judge([asks, step], { keyMoments: [checked, refunded] });
    expect(j.overall).toBe(Math.round(0.7 * quality(j) + 30 * 0.5));
  });

  it('takes off 8 for each keyword list, 6 for each pasted sympathy line and 10 for each provoking phrase', () => {
    const listed = judge([asks, step, keywords]);
    expect(listed.keywordTurns).toEqual([3]);
    expect(listed.overall).toBe(Math.round(quality(listed) - 8));
    const pasted = judge([asks, `${sorry} ${step}`, `${sorry} Let me look at the bill.`]);
    expect(pasted.pastedTurns).toEqual([3]);
    expect(pasted.overall).toBe(Math.round(quality(pasted) - 6));
    const provoking = judge([asks, `${step} Take it or leave it.`]);
    expect(provoking.overall).toBe(Math.round(quality(provoking) - 10));
  });
});

describe('a session that never took up the case', () => {
  const moment = (over: Partial<KeyMoment>): KeyMoment =>
    keyMoment('heard', 'interrupting', { words: { 'zh-CN': ['明白'], en: ['understand'] } }, over);
  const understand = "I understand, I'm so sorry about this.";

  it('keeps only part of its score when it offered sympathy alone: no question, play-back, step or moment about the case', () => {
    const j = judge([sorry, sorry.replace('so ', 'really ')]);
    expect(j.listeningTurns).toEqual([]);
    expect(j.overall).toBe(Math.round(quality(j) * COURTESY_ONLY));
  });

  it('is taken up by one question, one step or one moment about the case met', () => {
    const asked = judge([sorry, asks]);
    expect(asked.overall).toBe(Math.round(quality(asked)));
    const stepped = judge([sorry, `${sorry} ${step}`]);
    expect(stepped.listeningTurns).toEqual([]);
    expect(stepped.overall).toBe(Math.round(quality(stepped)));
    const met = judge([understand], { keyMoments: [moment({})] });
    expect(met.keyMoments[0]?.met).toBe(true);
    expect(met.overall).toBe(Math.round(0.7 * quality(met) + 30));
  });

  it('is not taken up by a sympathy moment met, nor by a moment held over every turn', () => {
    for (const k of [moment({ dimension: 'empathy' }), moment({ every: true })]) {
      const j = judge([understand], { keyMoments: [k] });
      expect(j.keyMoments[0]?.met).toBe(true);
      expect(j.overall).toBe(Math.round((0.7 * quality(j) + 30) * COURTESY_ONLY));
    }
    // Beside a moment about the case that was missed, the sympathy moment met still takes nothing up.
    const missed = keyMoment('refunded', 'problemSolving', { words: { 'zh-CN': ['退'], en: ['refund'] } });
    const j = judge([understand], { keyMoments: [missed, moment({ dimension: 'empathy' })] });
    expect(j.keyMoments.map((k) => k.met)).toEqual([false, true]);
    expect(j.overall).toBe(Math.round((0.7 * quality(j) + 30 * 0.5) * COURTESY_ONLY));
  });
});
