// Properties of the reply evaluators on arbitrary text: never throw, spans point
// into the original reply, the same input always gives the same result, and no
// input makes a rule run away (a guard against catastrophic backtracking, with a
// bound generous enough that a slow, shared machine cannot trip it).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateReply } from '../evaluators/index.ts';
import type { ReplyContext } from '../evaluators/types.ts';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const WORDS = [
  '我理解',
  '保证',
  '肯定',
  '不可能',
  'APN',
  'HLR',
  'sorry',
  'guarantee',
  'I understand',
  '您',
  '!',
  '?',
  ' ',
  '\u0000',
  '\ud800',
  '😡',
  'a'.repeat(50),
  '!'.repeat(30),
];

const reply = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((parts) => parts.join('')),
);
const context = fc.record({
  locale: fc.constantFrom(...LOCALES),
  customer: fc.option(fc.string({ maxLength: 80 }), { nil: undefined }),
  interrupted: fc.boolean(),
});

describe('evaluateReply on any string', () => {
  it('never throws, keeps spans inside the reply with their exact text, and is deterministic', () => {
    fc.assert(
      fc.property(reply, context, (text, ctx) => {
        const started = Date.now();
        const first = evaluateReply(text, ctx as ReplyContext);
        // Generous on purpose: a catastrophic pattern takes seconds to minutes, not 2 s.
        expect(Date.now() - started).toBeLessThan(2000);
        for (const finding of first.findings) {
          const [start, end] = finding.span;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(finding.text).toBe(text.slice(start, end));
        }
        for (const score of Object.values(first.scores)) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
        expect(evaluateReply(text, ctx as ReplyContext)).toEqual(first);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

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
