// How a scenario's intents are recognised (docs/scenarios.md): a clause that asks the
// customer for a fact, or a question that plays back their account, does not do what
// it mentions; a negated concept never counts; a pattern about playing back reads the
// whole reply. Through scenarios/index.ts with intents defined here.
import { describe, expect, it } from 'vitest';
import { recognise } from '../../scenarios/index.ts';
import type { Intent } from '../../scenarios/index.ts';

const INTENTS: Intent[] = [
  { id: 'receipt', patterns: [{ any: ['receipt'] }] },
  { id: 'played-back', patterns: [{ any: ['receipt'], acts: ['restate'] }] },
];
const en = (reply: string) => recognise(reply, 'en', INTENTS);
const zh = (reply: string) => recognise(reply, 'zh-CN', INTENTS);

describe('intents', () => {
  it('a statement or a plain question about the subject counts; a negated one does not', () => {
    expect(en('The receipt is here.')).toEqual(['receipt']);
    expect(en('Did anyone look at the receipt?')).toEqual(['receipt']);
    expect(zh('有人看过小票吗?')).toEqual(['receipt']);
    expect(en('Not the receipt.')).toEqual([]);
  });

  it('asking the customer when, where, who or why does not do what the question mentions', () => {
    expect(en('When did you get the receipt?')).toEqual([]);
    expect(zh('您什么时候拿的小票?')).toEqual([]);
    // The trainee's own move in another sentence, or in an offer in the same one, still counts.
    expect(en('When did you get the receipt? I will bring the receipt.')).toEqual(['receipt']);
    expect(en('Shall I look at the receipt, when did you get it?')).toEqual(['receipt']);
    expect(en('When shall I bring the receipt?')).toEqual(['receipt']);
  });

  it('a question that plays back the customer’s account is a play-back, not the move it reports', () => {
    expect(en('So you are saying nobody checked the receipt?')).toEqual(['played-back']);
    expect(zh('您是说没人核对过小票,是吗?')).toEqual(['played-back']);
    expect(en('So you are saying nobody checked the receipt? I will check the receipt now.')).toEqual(['receipt', 'played-back']);
    // A sentence that also offers something keeps its moves.
    expect(en('So you are saying the receipt is wrong, shall I look at the receipt?')).toEqual(['receipt']);
  });

  it('intents come in the scenario’s order', () => {
    expect(recognise('So you are saying nobody checked the receipt? I will check the receipt now.', 'en', [...INTENTS].reverse())).toEqual([
      'played-back',
      'receipt',
    ]);
  });
});
