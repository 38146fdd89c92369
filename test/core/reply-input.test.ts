// evaluateReply is called from JavaScript too (a bot payload, a parsed batch line): a
// reply that is not a string is read as the text it stands for, never thrown on.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';

const context = { locale: 'zh-CN' as const, customer: '你少找我钱了!' };
const notText = (value: unknown) => value as string;

describe('a reply that is not a string', () => {
  it('null and undefined read as an empty reply', () => {
    const empty = evaluateReply('', context);
    expect(evaluateReply(notText(null), context)).toEqual(empty);
    expect(evaluateReply(notText(undefined), context)).toEqual(empty);
  });

  it('a number reads as its digits', () => {
    expect(evaluateReply(notText(50), context)).toEqual(evaluateReply('50', context));
  });
});
