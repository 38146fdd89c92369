// A credited step is quoted as the clause the trainee said it in; a fault by its own words.
import { describe, expect, it } from 'vitest';
import { clauseAround, evaluateReply, findingQuote, shortQuote } from '../../evaluators/index.ts';

const good = (reply: string, locale: 'zh-CN' | 'en', evaluator: string) =>
  evaluateReply(reply, { locale, customer: '' }).findings.find((f) => f.polarity === 'good' && f.evaluator === evaluator)!;

describe('the words quoted for a finding', () => {
  it('quotes a credited step by its whole clause, not the matched words alone', () => {
    const zh = '点完了，确实多出来五十，是我刚才找错了，这五十块您收好，实在抱歉。';
    expect(findingQuote(zh, good(zh, 'zh-CN', 'problemSolving'))).toBe('这五十块您收好');
    const en = "Fine, I'll do a till count now, thanks for waiting.";
    expect(findingQuote(en, good(en, 'en', 'problemSolving'))).toBe("I'll do a till count now");
  });

  it('quotes a fault by its own words, and cuts a long quote with an ellipsis', () => {
    const reply = 'Fine, you must have counted it wrong yourself.';
    const fault = evaluateReply(reply, { locale: 'en', customer: '' }).findings.find((f) => f.polarity === 'bad')!;
    expect(findingQuote(reply, fault)).toBe(fault.text);
    expect(findingQuote('abcdefghij', { polarity: 'good', span: [2, 4], text: 'cd' }, 5)).toBe('abcd…');
    expect(findingQuote('abcdefghij', { polarity: 'good', span: [2, 4], text: 'cd' }, 10)).toBe('abcdefghij');
  });

  it('quotes a long clause from the matched words when they come too late in it to be shown', () => {
    const reply = "Hello Mr Zhou, so you won't need to go through it all again — I'm sorry it's taken four calls.";
    expect(findingQuote(reply, good(reply, 'en', 'empathy'))).toBe("…I'm sorry it's taken four calls");
    // Words that end just inside the limit keep the clause's start; one character later they lead the quote.
    expect(findingQuote('ab cdefgh', { polarity: 'good', span: [3, 5], text: 'cd' }, 6)).toBe('ab cd…');
    expect(findingQuote('ab cdefgh', { polarity: 'good', span: [4, 6], text: 'de' }, 6)).toBe('…defgh');
    expect(findingQuote('ab cdefghij', { polarity: 'good', span: [4, 6], text: 'de' }, 6)).toBe('…defg…');
  });

  it('a clause runs from the mark before it to the mark after it; a span on marks alone keeps its own words', () => {
    expect(clauseAround('一，二三，四', 2, 3)).toBe('二三');
    expect(clauseAround('one; two three! four', 5, 8)).toBe('two three');
    expect(clauseAround('start, end', 0, 2)).toBe('start');
    expect(clauseAround('start, end', 8, 10)).toBe('end');
    expect(clauseAround('，，', 0, 2)).toBe('，，');
    expect(clauseAround('ab\ncd', 3, 4)).toBe('cd');
    expect(clauseAround('a, ,b', 2, 3)).toBe(' ');
    // Spaces before the mark are not part of the clause.
    expect(clauseAround('ab cd  , e', 0, 2)).toBe('ab cd');
  });
});

describe('quotes a trainer reads', () => {
  it('an English full stop before a space ends a clause, a decimal point does not', () => {
    const reply = "Evening. Sorry you've had such a long night of it.";
    expect(findingQuote(reply, good(reply, 'en', 'empathy'))).toBe("Sorry you've had such a long night of it");
    expect(clauseAround('It is 4.50 now. Fine', 3, 5)).toBe('It is 4.50 now');
    expect(clauseAround('Done. Next', 6, 8)).toBe('Next');
    expect(clauseAround('Take it.', 0, 2)).toBe('Take it');
    expect(clauseAround('a.b c', 2, 3)).toBe('a.b c');
  });

  it('a long English quote is cut at a space, never inside a word; Chinese is cut at the limit', () => {
    expect(shortQuote('I will ring the owner and ask him to confirm', 20)).toBe('I will ring the…');
    expect(shortQuote('I will ring the owner', 21)).toBe('I will ring the owner');
    expect(shortQuote('I will ring the owner', 20)).toBe('I will ring the…');
    expect(shortQuote('I will ring the, owner', 17)).toBe('I will ring the,…');
    expect(shortQuote('I will ring the owner', 17)).toBe('I will ring the…');
    expect(shortQuote('Supercalifragilistic word', 10)).toBe('Supercali…');
    expect(shortQuote('ab cdefghijklmn', 10)).toBe('ab cdefgh…');
    // Only a cut between two letters of one word moves back; a space at exactly half the limit is too early to move to.
    expect(shortQuote('abcdef g,hijk', 10)).toBe('abcdef g,…');
    expect(shortQuote('abcde fghijklmn', 10)).toBe('abcde fgh…');
    expect(shortQuote('abcdef ghijklmn', 10)).toBe('abcdef…');
    expect(shortQuote('我现在就给业主打个电话确认一下', 8)).toBe('我现在就给业主…');
  });
});
