import { describe, expect, it } from 'vitest';
import { plainText } from './markdown.ts';
import { scoreCardAttachment, scoreCardText } from './cards.ts';
import { scoreCardFixture } from '../testing/score-card.ts';

const injected = '不可能[点这里](http://evil.example) ![x](http://evil.example/i.png) **大字**';

function card() {
  return scoreCardFixture({
    title: 'Wrong change',
    outcome: 'escalated',
    turns: 1,
    dimensions: { interrupting: 0, empathy: 40, jargon: 100, promises: 100, problemSolving: 20 },
    overall: 50,
    servqual: { tangibles: null, empathy: 40, professionalism: 60, reliability: 100, responsiveness: 0 },
    quadrant: { technical: 40, personal: 30, style: 'cold', label: '冷淡型' },
    tips: [{ dimension: 'interrupting', turn: 1, quote: injected, message: `直接否定顾客:"${injected}"`, suggestion: '先让顾客说完' }],
  });
}

describe('trainee text in cards and messages', () => {
  it('escapes markdown so links, images and emphasis show as typed', () => {
    expect(plainText('[a](http://x) ![b](y) **c** `d`')).toBe('\\[a\\]\\(http://x\\) \\!\\[b\\]\\(y\\) \\*\\*c\\*\\* \\`d\\`');
  });

  it('puts no live link or image markdown from a reply into the score card', () => {
    const json = JSON.stringify(scoreCardAttachment(card(), 'zh-CN', true).content);
    const body = JSON.parse(json) as { body: { text?: string }[] };
    const texts = body.body.map((b) => b.text ?? '').join('\n');
    expect(texts).not.toContain('[点这里](http');
    expect(texts).not.toContain('![x](');
    expect(texts).toContain('\\[点这里\\]\\(http://evil.example\\)');
    expect(scoreCardText(card(), 'zh-CN')).not.toContain('[点这里](http');
  });
});
