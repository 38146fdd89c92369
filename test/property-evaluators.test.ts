// Properties of the reply evaluators on arbitrary text: never throw, spans point
// into the original reply, a flag is raised exactly when a finding of its
// evaluator exists, and the same input always gives the same result. How long the
// slowest inputs take is measured by `npm run bench:evaluators`, not asserted here.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateReply } from '../evaluators/index.ts';
import { DIMENSIONS, type ReplyContext } from '../evaluators/types.ts';

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
  it('never throws, keeps spans inside the reply, flags exactly what it found, and is deterministic', () => {
    fc.assert(
      fc.property(reply, context, (text, ctx) => {
        const first = evaluateReply(text, ctx as ReplyContext);
        for (const finding of first.findings) {
          const [start, end] = finding.span;
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(end).toBeLessThanOrEqual(text.length);
        }
        for (const d of DIMENSIONS) expect(first.detected[d]).toBe(first.findings.some((f) => f.evaluator === d));
        for (const score of Object.values(first.scores)) {
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
        }
        expect(evaluateReply(text, ctx as ReplyContext)).toEqual(first);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});
