// Where a trainer's expression matches a reply: every non-empty place in order, and an
// expression that can match nothing (an optional group, a lookbehind alone) neither hangs
// nor names a place, whatever characters the reply holds.
import { describe, expect, it } from 'vitest';
import { eachMatch } from '../../evaluators/text/matches.ts';

const places = (re: RegExp, text: string) => {
  const found: string[] = [];
  eachMatch(re, text, (start, end) => found.push(`${start}-${end}:${text.slice(start, end)}`));
  return found;
};

describe('eachMatch', () => {
  it('names every match in order, and leaves the expression ready for the next reply', () => {
    const re = /退[钱款]/gu;
    expect(places(re, '先退钱，再退款')).toEqual(['1-3:退钱', '5-7:退款']);
    expect(re.lastIndex).toBe(0);
    expect(places(re, '退款')).toEqual(['0-2:退款']);
    // Left part-way by another search, the expression still starts at the beginning.
    re.lastIndex = 3;
    expect(places(re, '退款')).toEqual(['0-2:退款']);
  });

  it('steps past the empty matches of an optional pattern, one character at a time', () => {
    expect(places(/(?:iccid)?/gu, 'the iccid, iccid')).toEqual(['4-9:iccid', '11-16:iccid']);
    expect(places(/(?<=a)/gu, 'banana')).toEqual([]);
  });

  it('steps past an emoji or a rare character whole: an empty match before one does not loop', () => {
    // The engine backs an index inside a surrogate pair up to its start, so a step of one code unit never moves on.
    expect(places(/(?:x)?/gu, '😀x😀𐀀x\u{10fffd}\u{103ff}x')).toEqual(['2-3:x', '7-8:x', '12-13:x']);
    expect(places(/(?<=😡)(?:号码)?/gu, '😡号码😡')).toEqual(['2-4:号码']);
    // A lone high surrogate (half an emoji) is one character, whatever follows it: here a full-width letter.
    expect(places(/(?:ｘ)?/gu, '\ud83dｘ\ud83d\u3000ｘ')).toEqual(['1-2:ｘ', '4-5:ｘ']);
  });

  it('names nothing in an empty text', () => {
    expect(places(/(?:x)?/gu, '')).toEqual([]);
  });
});
