// Word segmentation, which the concepts and the jargon check read: tokens in reading
// order with their place in the text, punctuation and spaces dropped, English words
// lower-cased and stemmed (so "checking" finds "check"), Chinese words as written.
import { describe, expect, it, vi } from 'vitest';
import { segment } from '../../evaluators/index.ts';

describe('segment', () => {
  it('cuts English into stemmed words with offsets, keeping contractions whole', () => {
    expect(segment("I'm checking the customers’ receipts, 3 of them.")).toEqual([
      { text: "I'm", norm: "i'm", start: 0, end: 3 },
      { text: 'checking', norm: 'check', start: 4, end: 12 },
      { text: 'the', norm: 'the', start: 13, end: 16 },
      { text: 'customers', norm: 'custom', start: 17, end: 26 },
      { text: 'receipts', norm: 'receipt', start: 28, end: 36 },
      { text: '3', norm: '3', start: 38, end: 39 },
      { text: 'of', norm: 'of', start: 40, end: 42 },
      { text: 'them', norm: 'them', start: 43, end: 47 },
    ]);
  });

  it('cuts Chinese with English inside it: every word once, in order, at its place; English stemmed', () => {
    const text = '您的APN没配置好,我帮您checking一下。';
    const tokens = segment(text);
    expect(tokens.map((t) => t.text).join('')).toBe(text.replace(/[,。]/g, ''));
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
    expect(tokens.find((t) => t.text === 'APN')?.norm).toBe('apn');
    expect(tokens.find((t) => t.text === 'checking')?.norm).toBe('check');
    expect(tokens.find((t) => t.text === '您')?.norm).toBe('您');
  });

  it('stems only plain English words: a word with a digit or an apostrophe is kept as written, lower-cased', () => {
    expect(segment('Customer’s 2Nights ROAMING’S').map((t) => t.norm)).toEqual(["customer's", '2nights', "roaming's"]);
  });

  it('gives no tokens for punctuation or nothing', () => {
    expect(segment('!!! ,。')).toEqual([]);
    expect(segment('')).toEqual([]);
  });
});

// The segmenter and what it was taught live for the life of the process; each test here
// loads a fresh copy, as a new server process does, so nothing an earlier reply taught
// it hides what loading does.
describe('a freshly loaded segmenter', () => {
  const fresh = async () => {
    vi.resetModules();
    return import('../../evaluators/text/segment.ts');
  };
  const words = (tokens: { text: string }[]) => tokens.map((t) => t.text);

  it("knows the product's domain dictionary from the start (商务助理, 找错钱)", async () => {
    const { segment: cut } = await fresh();
    expect(words(cut('您的商务助理有问题'))).toContain('商务助理');
    expect(words(cut('您的找错钱有问题'))).toContain('找错钱');
  });

  it('keeps a taught Chinese term whole, and is taught only the words made of Chinese characters', async () => {
    const { segment: cut, teachWords } = await fresh();
    expect(words(cut('您的日割有问题'))).not.toContain('日割');
    expect(words(cut('开闷缸'))).not.toContain('闷缸');
    teachWords(['日割', 'AB日割', '闷缸']);
    expect(words(cut('您的日割有问题'))).toContain('日割');
    expect(words(cut('开闷缸'))).toContain('闷缸');
    expect(words(cut('AB日割'))).toEqual(['AB', '日割']);
  });

  it('joins characters the dictionary does not know into a word where they read as one (锁星)', async () => {
    const { segment: cut } = await fresh();
    expect(words(cut('您的锁星有问题'))).toContain('锁星');
  });
});
