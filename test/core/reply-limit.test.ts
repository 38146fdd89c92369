// The trainee is told when a reply was cut: a reply of exactly the limit is read
// whole and not reported as cut; one character more is.
import { describe, expect, it } from 'vitest';
import { clipReply, MAX_REPLY_CHARS } from '../../evaluators/index.ts';

describe('the reply limit', () => {
  it('a reply of exactly the limit is not clipped; one character over is', () => {
    const exact = '好'.repeat(MAX_REPLY_CHARS);
    expect(clipReply(exact)).toEqual({ text: exact, clipped: false, limit: MAX_REPLY_CHARS });
    expect(clipReply(`${exact}!`)).toEqual({ text: exact, clipped: true, limit: MAX_REPLY_CHARS });
    expect(clipReply('abc', 3)).toEqual({ text: 'abc', clipped: false, limit: 3 });
    expect(clipReply('abcd', 3)).toEqual({ text: 'abc', clipped: true, limit: 3 });
  });
});
