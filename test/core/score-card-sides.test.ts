// The score card's summary figures, as the manuals define them: the service dimensions
// (SERVQUAL) read from the session's scores, the technical side led by problem solving
// and cut by an unsolved ending, the personal side from empathy and listening, and the
// extra checks counted good and bad.
import { describe, expect, it } from 'vitest';
import { buildScoreCard, evaluateReply, type RuleLocale, type ScoredTurn } from '../../evaluators/index.ts';

function turns(locale: RuleLocale, pairs: [string, string][]): ScoredTurn[] {
  return pairs.map(([customer, reply], i) => ({
    turn: i + 1,
    customer,
    reply,
    evaluation: evaluateReply(reply, { locale, customer, customerSurname: '王' }),
  }));
}

const info = { scenarioId: 'wrong-change', title: '找错零钱', locale: 'zh-CN' as const, outcome: 'resolved' as const };
const mixed = turns('zh-CN', [
  ['你少找我钱了!太过分了!', '王先生,非常抱歉,我现在就帮您清点钱箱。'],
  ['快点!', '这个要看POS的流水,我保证绝对没问题。'],
  ['你什么态度!', '王先生,您别着急,对账后差额我马上退给您。'],
]);

describe('the score card’s summary figures', () => {
  const card = buildScoreCard(mixed, info);
  const d = card.dimensions;

  it('the service dimensions are the session’s own scores: reliability is keeping promises, responsiveness is listening, professionalism plain words and solving', () => {
    expect(card.servqual).toEqual({
      tangibles: null,
      empathy: d.empathy,
      professionalism: Math.round((d.jargon! + d.problemSolving!) / 2),
      reliability: d.promises,
      responsiveness: d.interrupting,
    });
    expect(new Set([d.jargon, d.problemSolving, d.promises, d.interrupting]).size).toBeGreaterThan(2);
  });

  it('the technical side counts solving three times, plain words and promises once; the personal side is empathy and listening', () => {
    expect(card.quadrant.technical).toBe(Math.round((3 * d.problemSolving! + d.jargon! + d.promises!) / 5));
    expect(card.quadrant.personal).toBe(Math.round((d.empathy! + d.interrupting!) / 2));
    expect(card.quadrant.label).toBe({ quality: '优质型', production: '生产型', friendly: '友好型', cold: '冷淡型' }[card.quadrant.style]);
  });

  it('an ending that did not solve the problem cuts the technical side, not the personal one', () => {
    const escalated = buildScoreCard(mixed, { ...info, outcome: 'escalated' });
    expect(escalated.quadrant.technical).toBeLessThan(card.quadrant.technical);
    expect(escalated.quadrant.personal).toBe(card.quadrant.personal);
    expect(escalated.outcome).toBe('escalated');
  });

  it('a dimension that never applied is left out of its side and of the service dimensions, not counted as nought', () => {
    const calm = turns('en', [
      ['What time do you close?', 'We close at nine. I can check the weekend hours for you now.'],
      ['And on Sunday?', 'On Sunday we close at six.'],
    ]);
    const c = buildScoreCard(calm, { ...info, locale: 'en' });
    expect(c.dimensions.empathy).toBeNull();
    expect(c.servqual.empathy).toBeNull();
    expect(c.quadrant.personal).toBe(c.dimensions.interrupting);
    expect(c.quadrant.label).toBe({ quality: 'Quality', production: 'Production', friendly: 'Friendly', cold: 'Cold' }[c.quadrant.style]);
  });

  it('says which session it is, how many turns it had, and counts each extra check good and bad', () => {
    expect(card).toMatchObject({ scenarioId: 'wrong-change', title: '找错零钱', locale: 'zh-CN', outcome: 'resolved', turns: 3 });
    const count = (evaluator: string, polarity: 'good' | 'bad') =>
      mixed.flatMap((t) => t.evaluation.findings).filter((f) => f.evaluator === evaluator && f.polarity === polarity).length;
    expect(card.extras.addressing).toEqual({ good: count('addressing', 'good'), bad: count('addressing', 'bad') });
    expect(card.extras.addressing!.good).toBe(2);
    expect(Object.keys(card.extras).every((k) => ['addressing', 'positiveWording', 'requestWording', 'provocative'].includes(k))).toBe(
      true,
    );
    expect(buildScoreCard([], info).extras).toEqual({});
  });
});
