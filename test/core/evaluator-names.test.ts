// What the trainee reads for each evaluator and extra check: a name in their language,
// never the internal id, and a neutral word for an id the product does not know.
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, evaluatorName, EXTRA_CHECKS } from '../../evaluators/index.ts';

describe('evaluator names', () => {
  const ids = [...DIMENSIONS, ...EXTRA_CHECKS];

  it('names every evaluator and check in both languages, each differently, never by its id', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const names = ids.map((id) => evaluatorName(id, locale));
      expect(new Set(names).size).toBe(ids.length);
      names.forEach((name, i) => expect(name).not.toBe(ids[i]));
    }
    expect(evaluatorName('promises', 'zh-CN')).toBe('过度承诺');
    expect(evaluatorName('promises', 'en')).toBe('Over-promising');
    expect(evaluatorName('requestWording', 'en')).toBe('Requests, not commands');
  });

  it('an unknown id reads as a neutral word in the trainee’s language', () => {
    expect(evaluatorName('tone', 'en')).toBe('Other');
    expect(evaluatorName('tone', 'zh-CN')).toBe('其他');
    expect(evaluatorName('toString', 'en')).toBe('Other');
  });
});
