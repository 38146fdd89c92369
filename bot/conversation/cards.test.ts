// How the cards read: score labels as the CLI prints them, tip numbers that survive markdown,
// the difficulty in the trainee's language, and the plain text only as the card's fallback.
import { describe, expect, it } from 'vitest';
import { scoreCardFixture } from '../testing/score-card.ts';
import { scenarioPickerCard, scoreCardAttachment, scoreCardText } from './cards.ts';
import { renderScoreCardText } from '../../evaluators/index.ts';

function card() {
  const tip = (n: number) => ({
    dimension: 'empathy' as const,
    turn: n,
    quote: `回复${n}`,
    message: `第${n}条建议`,
    suggestion: '先接住情绪',
  });
  return scoreCardFixture({ tips: [tip(1), tip(2), tip(3)] });
}

interface Block {
  type: string;
  text?: string;
  facts?: { title: string; value: string }[];
  items?: Block[];
}

describe('cards', () => {
  it('labels scores as the CLI does and numbers tips so no renderer restarts them at "1."', () => {
    const content = scoreCardAttachment(card(), 'zh-CN', true).content as { body: Block[]; fallbackText: string };
    const facts = content.body.find((b) => b.type === 'FactSet')?.facts ?? [];
    expect(facts.map((f) => `${f.title} ${f.value}`)).toContain('倾听(不打断顾客) 100');
    const texts = content.body.map((b) => b.text ?? '');
    // A TextBlock starting "2. " is a markdown ordered list, which Web Chat renders as "1.".
    expect(texts.filter((t) => /^\d+[.)]\s/.test(t))).toEqual([]);
    expect(texts.filter((t) => /^[①②③] 第\d条建议/.test(t))).toHaveLength(3);
    expect(content.fallbackText).toBe(scoreCardText(card(), 'zh-CN'));
    expect(content.fallbackText).toContain('倾听(不打断顾客): 100');
    expect(texts).toContain('结果: 问题已解决');
  });

  it('shows what the text card shows: dimensions, service dimensions, quadrant, and the key moments with their turns', () => {
    const withMoments = scoreCardFixture({
      keyMoments: [
        { id: 'heard-her-out', label: '先让她说完，接住她的着急', met: true, turn: 1 },
        { id: 'checked-first', label: '先核对小票、清点钱箱，再谈退钱', met: false, turn: null },
        { id: 'stayed-calm', label: '她拍柜台时仍然平静', met: true, turn: null, arose: false },
      ],
    });
    for (const locale of ['zh-CN', 'en'] as const) {
      const content = scoreCardAttachment({ ...withMoments, locale }, locale, true).content as { body: Block[] };
      const shown = JSON.stringify(content.body);
      const text = renderScoreCardText({ ...withMoments, locale }, locale);
      for (const word of locale === 'zh-CN'
        ? ['同理度', '专业度', '信赖度', '反应度', '优质型', '技术面 82', '个人面 80']
        : ['Empathy', 'Professionalism', 'Reliability', 'Responsiveness', 'technical 82', 'personal 80']) {
        expect(shown, word).toContain(word);
        expect(text, word).toContain(word);
      }
      expect(shown).toContain(locale === 'zh-CN' ? '✓ 先让她说完，接住她的着急 (第1轮)' : '✓ 先让她说完，接住她的着急 (turn 1)');
      expect(shown).toContain('✗ 先核对小票、清点钱箱，再谈退钱');
      expect(text).toContain('✗ 先核对小票、清点钱箱，再谈退钱');
      // A moment whose state never came is neither ticked nor crossed.
      const notArisen = locale === 'zh-CN' ? '– 她拍柜台时仍然平静 (本场没有出现)' : '– 她拍柜台时仍然平静 (did not come up)';
      expect(shown).toContain(notArisen);
      expect(text).toContain(notArisen);
    }
  });

  it('gives every scenario of the library a start button, in lists Teams renders whole', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const picker = scenarioPickerCard(
      ids.map((id) => ({ id, title: { 'zh-CN': `场景${id}`, en: `Scenario ${id}` }, difficulty: 'easy' })),
      'en',
      'practice',
    );
    const lists: { title: string; data?: { scenarioId?: string } }[][] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const { actions } = node as { actions?: unknown };
      if (Array.isArray(actions)) lists.push(actions as (typeof lists)[number]);
      Object.values(node).forEach(walk);
    };
    walk(picker.content);
    const started = lists.flat().flatMap((a) => (a.data?.scenarioId ? [a.data.scenarioId] : []));
    expect(started.sort()).toEqual(ids);
    expect(lists.flat().map((a) => a.title)).toContain('▶ Scenario h');
    // Teams shows at most six actions of one list.
    expect(Math.max(...lists.map((l) => l.length))).toBeLessThanOrEqual(6);
  });

  it('shows the difficulty in Chinese in the Chinese picker', () => {
    const picker = scenarioPickerCard(
      [{ id: 'angry-contractor', title: { 'zh-CN': '深夜装修' }, difficulty: 'hard' }],
      'zh-CN',
      'practice',
    );
    const json = JSON.stringify(picker.content);
    expect(json).toContain('难度: 困难');
    expect(json).not.toContain('hard');
  });
});
