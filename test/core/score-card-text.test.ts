// The plain-text score card the CLI prints and the bot falls back to, read line by line
// as a trainee reads it: a hand-made card (fixtures/score-card-text/card.json) with every
// kind of line (a dimension that did not apply, a key moment met with and without its
// turn, missed, and one that never came up; tips with and without a quote and a better
// phrasing), rendered in both languages and compared with the text a reviewer checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyMomentLine, renderScoreCardText, type ScoreCard } from '../../evaluators/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/score-card-text/${name}`, import.meta.url), 'utf8');
const card = JSON.parse(fixture('card.json')) as ScoreCard;

describe('the score card as plain text', () => {
  it("reads in the card's own language when none is asked for", () => {
    expect(renderScoreCardText(card)).toBe(fixture('zh-CN.txt'));
  });

  it('reads in English with English labels; the trainee-facing words of the card are kept as written', () => {
    expect(renderScoreCardText(card, 'en')).toBe(fixture('en.txt'));
  });

  it('says there is nothing to improve when there are no tips, leaves out key moments when there are none, and shows an ending it has no words for as it is', () => {
    const plain = { ...card, tips: [], keyMoments: [], outcome: 'made-up' } as unknown as ScoreCard;
    expect(renderScoreCardText(plain, 'en')).toBe(fixture('en-nothing-to-improve.txt'));
    const { keyMoments: _left, ...before } = card;
    expect(renderScoreCardText(before as ScoreCard, 'en')).not.toContain('Key moments');
  });

  it('a key moment line: met in a turn, met with no turn, missed, never arisen', () => {
    const [inTurn, noTurn, missed, never] = card.keyMoments!;
    expect([inTurn, noTurn, missed, never].map((k) => keyMomentLine(k!, 'zh-CN'))).toEqual([
      '✓ 当面清点钱箱 / Counted the till (第3轮)',
      '✓ 先道歉 / Apologised first',
      '✗ 退还差额 / Refunded the difference',
      '– 保持冷静 / Stayed calm (本场没有出现)',
    ]);
    expect(keyMomentLine({ ...missed!, turn: 2 }, 'en')).toBe('✗ 退还差额 / Refunded the difference');
  });
});
