// Very long and adversarial replies: every locale scores them without throwing,
// and every span stays inside the reply. (Too slow for the mutation suite; how
// long they take is measured by `npm run bench:evaluators`.)
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../evaluators/index.ts';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;

describe('evaluateReply on very long input', () => {
  it('handles very long and adversarial replies', () => {
    const long = ['我保证'.repeat(7000), 'a'.repeat(100_000), '!'.repeat(20_000), '\ud800'.repeat(5000), 'I understand '.repeat(2000)];
    for (const text of long) {
      for (const locale of LOCALES) {
        const result = evaluateReply(text, { locale });
        for (const finding of result.findings) expect(finding.span[1]).toBeLessThanOrEqual(text.length);
      }
    }
  });
});
