// Which words an intent was recognised in: the trace `roleplay play` prints beside each
// intent, and patterns that ask or play back reading the whole reply.
import { describe, expect, it } from 'vitest';
import { analyseReply } from '../evaluators/index.ts';
import { recogniseAnalysis } from './intents.ts';
import type { Intent } from './model.ts';

const INTENTS: Intent[] = [
  { id: 'receipt', patterns: [{ any: ['receipt'] }] },
  { id: 'asked', patterns: [{ any: ['receipt'], acts: ['question'] }] },
  { id: 'checked-back', patterns: [{ any: ['receipt'], acts: ['confirm'], within: 'sentence' }] },
  { id: 'offered-or-asked', patterns: [{ any: ['receipt'], acts: ['offer', 'question'] }] },
  { id: 'receipt-and-till', patterns: [{ all: ['receipt', 'till'], within: 'sentence' }] },
];
const found = (reply: string, locale: 'en' | 'zh-CN' = 'en') =>
  recogniseAnalysis(analyseReply(reply, locale), INTENTS).map((r) => [r.id, r.clause]);

describe('recognised intents and their words', () => {
  it('quotes the clause an intent was found in, trimmed, and the clauses of a sentence joined', () => {
    expect(found('Sorry,   the receipt is here.')).toEqual([['receipt', 'the receipt is here']]);
    expect(found('I have the receipt, and the till is open.')).toEqual([
      ['receipt', 'I have the receipt'],
      ['receipt-and-till', 'I have the receipt，and the till is open'],
    ]);
  });

  it('a pattern about asking or checking back reads the questions and play-backs the trainee’s own moves leave out', () => {
    expect(found('When did you get the receipt?').map(([id]) => id)).toEqual(['asked', 'offered-or-asked']);
    expect(found('You had the receipt, is that right?').map(([id]) => id)).toEqual(['checked-back']);
    expect(found('您是说小票在您手上，对吗？', 'zh-CN').map(([id]) => id)).toEqual(['checked-back']);
  });
});
