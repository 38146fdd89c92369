// Concept patterns, the language of a scenario's intents, facts and key moments
// (docs/scenarios.md): all / any / seq / none of concepts, acts and amounts, inside a
// clause, a sentence or the whole reply; negated concepts never count. And the
// reasons `roleplay validate` gives for a pattern that can never match.
import { describe, expect, it } from 'vitest';
import { analyseReply, impossiblePatternReason, matchPattern, type ConceptPattern } from '../../evaluators/index.ts';

const where = (text: string, p: ConceptPattern) => matchPattern(analyseReply(text, 'en'), p)?.map((c) => c.text.trim());

describe('concept patterns', () => {
  it('all: every concept, inside one clause unless the pattern says a sentence or the reply', () => {
    const p: ConceptPattern = { all: ['check', 'receipt'] };
    expect(where('I will check the receipt.', p)).toEqual(['I will check the receipt']);
    expect(where('I will check it, the receipt is here.', p)).toBeUndefined();
    expect(where('I will check it, the receipt is here.', { ...p, within: 'sentence' })).toEqual([
      'I will check it',
      'the receipt is here',
    ]);
    expect(where('I will check it. The receipt is here.', { ...p, within: 'sentence' })).toBeUndefined();
    expect(where('I will check it. The receipt is here.', { ...p, within: 'reply' })).toHaveLength(2);
  });

  it('any: one of them; seq: in this order; a negated concept never counts', () => {
    expect(where('Is the receipt here?', { any: ['check', 'receipt'] })).toEqual(['Is the receipt here']);
    expect(where('Is the receipt here?', { any: ['check', 'hand-back'] })).toBeUndefined();
    expect(where('I will check the receipt.', { seq: ['check', 'receipt'] })).toBeDefined();
    expect(where('The receipt, I will check it.', { seq: ['check', 'receipt'], within: 'sentence' })).toBeUndefined();
    expect(where('The receipt, I will check it.', { seq: ['receipt', 'check'], within: 'sentence' })).toBeDefined();
    expect(where('Receipt first, then I will check it.', { seq: ['receipt', 'check'], within: 'reply' })).toBeDefined();
    // Two concepts read at the same word are not in order.
    expect(where('I will check the receipt.', { seq: ['we', 'offer'] })).toBeUndefined();
    expect(where('I will not check the receipt.', { all: ['check'] })).toBeUndefined();
  });

  it('none: forbidden in the clauses that hold what the pattern requires, not elsewhere in the reply', () => {
    expect(where('I will check the receipt.', { all: ['check'], none: ['receipt'] })).toBeUndefined();
    const back: ConceptPattern = { all: ['hand-back'], none: ['condition'], within: 'reply' };
    expect(where('If it is short, here is your fifty back.', back)).toHaveLength(2);
    expect(where('If it is short, here is your fifty back.', { any: ['hand-back'], none: ['condition'], within: 'reply' })).toBeUndefined();
  });

  it('acts and amounts', () => {
    expect(where('Is the receipt here?', { any: ['receipt'], acts: ['question'] })).toBeDefined();
    expect(where('Is the receipt here?', { any: ['receipt'], acts: ['offer'] })).toBeUndefined();
    expect(where('Here is your fifty back.', { all: ['hand-back'], amount: 50 })).toBeDefined();
    expect(where('Here is your five back.', { all: ['hand-back'], amount: 50 })).toBeUndefined();
  });

  it('onlyAmount: a sum named where the pattern holds must be that one; a sum elsewhere in the reply is not', () => {
    const p: ConceptPattern = { all: ['hand-back'], onlyAmount: 50, within: 'reply' };
    expect(where("Here's your fifty back.", p)).toBeDefined();
    expect(where("Here's the difference back.", p)).toBeDefined();
    expect(where("Here's fifty back from your hundred.", p)).toBeDefined();
    expect(where("The till is fifty over. Here's twenty back.", p)).toBeUndefined();
    expect(where("Here's twenty back, the till was fifty over.", p)).toBeUndefined();
  });

  it('a pattern that can never match is named with the reason', () => {
    expect(impossiblePatternReason({})).toBe('asks for nothing (give all, any, seq, acts or amount)');
    expect(impossiblePatternReason({ none: ['x'] })).toBe('asks for nothing (give all, any, seq, acts or amount)');
    expect(impossiblePatternReason({ all: ['check'], none: ['check'] })).toBe('requires and forbids the concept "check"');
    expect(impossiblePatternReason({ seq: ['a', 'check'], none: ['check'] })).toBe('requires and forbids the concept "check"');
    expect(impossiblePatternReason({ any: ['check'], none: ['check'] })).toBe('requires and forbids the concept "check"');
    expect(impossiblePatternReason({ any: ['a', 'b'], none: ['b', 'a'] })).toBe('forbids every concept it accepts');
    for (const act of ['question', 'offer', 'refusal', 'apology', 'insult', 'threat'])
      expect(impossiblePatternReason({ acts: ['statement'], all: ['check', act] }), act).toBe(
        'asks for a plain statement and for a concept that makes the clause another act',
      );
    for (const ok of [
      { any: ['a', 'b'], none: ['b'] },
      { acts: ['statement'], all: ['check'] },
      { acts: ['question'], all: ['offer'] },
      { amount: 0 },
      { acts: ['offer'] },
    ] as ConceptPattern[])
      expect(impossiblePatternReason(ok), JSON.stringify(ok)).toBeUndefined();
  });
});
