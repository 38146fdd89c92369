import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../index.ts';
import type { ScoredTurn } from '../types.ts';
import { buildScoreCard, styleOf } from './score-card.ts';
import { renderScoreCardText } from './render-text.ts';

function turn(n: number, customer: string, reply: string): ScoredTurn {
  return { turn: n, customer, reply, evaluation: evaluateReply(reply, { locale: 'zh-CN', customer }) };
}

const info = { scenarioId: 'wrong-change', title: '找错零钱', locale: 'zh-CN' as const, outcome: 'resolved' as const };

describe('buildScoreCard', () => {
  it('a caring, solving trainee is the quality style with high scores', () => {
    const card = buildScoreCard(
      [
        turn(1, '你少找我钱了!太过分了!', '非常抱歉给您添麻烦了,我现在就帮您清点一下钱箱。'),
        turn(2, '那你快点!', '您别着急,如果确实少找了,我一定把差额退给您。'),
      ],
      info,
    );
    expect(card.quadrant.style).toBe('quality');
    expect(card.quadrant.label).toBe('优质型');
    expect(card.servqual.tangibles).toBeNull();
    expect(card.overall).toBeGreaterThanOrEqual(80);
  });

  it('quotes the trainee in the tips, worst problems first, at most three', () => {
    const card = buildScoreCard(
      [
        turn(1, '你少找我钱了!', '你先听我说,不可能,我们从来没找错过。'),
        turn(2, '我要投诉你!', '我保证以后绝对不会再出错了。'),
        turn(3, '那现在怎么办', '这个要看HLR和OCS的数据。'),
      ],
      info,
    );
    expect(card.tips.length).toBe(3);
    expect(card.tips[0]!.dimension).toBe('promises');
    const replies = ['你先听我说,不可能,我们从来没找错过。', '我保证以后绝对不会再出错了。', '这个要看HLR和OCS的数据。'];
    for (const tip of card.tips) expect(replies.some((r) => r.includes(tip.quote.replace(/…$/, '')))).toBe(true);
    expect(card.tips.some((t) => t.quote.includes('我保证'))).toBe(true);
    expect(card.quadrant.style).not.toBe('quality');
  });

  it('empathy is N/A when the customer never showed emotion or difficulty', () => {
    const card = buildScoreCard(
      [
        {
          turn: 1,
          customer: '营业厅几点关门?',
          reply: '晚上九点。',
          evaluation: {
            ...evaluateReply('晚上九点。', { locale: 'zh-CN', customer: '营业厅几点关门?' }),
            applicable: { interrupting: true, empathy: false, jargon: true, promises: true, problemSolving: true },
          },
        },
      ],
      info,
    );
    expect(card.dimensions.empathy).toBeNull();
    expect(card.servqual.empathy).toBeNull();
  });

  it('names the four service styles from the two sides', () => {
    expect([styleOf(80, 80), styleOf(80, 20), styleOf(20, 80), styleOf(20, 20)]).toEqual(['quality', 'production', 'friendly', 'cold']);
    // A side at the threshold (60) counts as strong.
    expect([styleOf(60, 60), styleOf(60, 59), styleOf(59, 60), styleOf(59, 59)]).toEqual(['quality', 'production', 'friendly', 'cold']);
  });

  it('renders as plain text in both languages', () => {
    const card = buildScoreCard([turn(1, '你少找我钱了!', '我保证绝对没问题。')], info);
    expect(renderScoreCardText(card, 'zh-CN')).toContain('同理度');
    expect(renderScoreCardText(card, 'en')).toContain('Service style');
    expect(renderScoreCardText(card, 'zh-CN')).toContain('我保证');
  });
});

describe('buildScoreCard and the ending', () => {
  const good = [turn(1, '你少找我钱了!太过分了!', '非常抱歉给您添麻烦了,我现在就帮您清点一下钱箱。')];

  it('a session that ends without solving the problem scores below the same session resolved, and is never the quality style', () => {
    const resolved = buildScoreCard(good, info).overall;
    for (const outcome of ['abandoned', 'escalated', 'turn-limit'] as const) {
      const card = buildScoreCard(good, { ...info, outcome });
      expect(card.overall, outcome).toBeLessThan(resolved);
      expect(card.overall, outcome).toBeLessThanOrEqual(65);
      expect(card.quadrant.style, outcome).not.toBe('quality');
    }
    expect(resolved).toBeGreaterThan(80);
  });

  it('soothing without ever acting is the friendly style, not quality', () => {
    // Varied words of comfort (the same line pasted six times would also cost sympathy).
    const comfort = [
      '您别急,我在听。',
      '我理解您的心情。',
      '真不好意思让您着急了。',
      '您先消消气。',
      '换作是我也会着急。',
      '给您添麻烦了,对不起。',
    ];
    const soothing = comfort.map((reply, i) => turn(i + 1, '你们到底怎么回事!', reply));
    const card = buildScoreCard(soothing, { ...info, outcome: 'turn-limit' });
    expect(card.quadrant.style).toBe('friendly');
    expect(buildScoreCard(soothing, info).quadrant.style).toBe('friendly');
  });
});
