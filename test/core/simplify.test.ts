// Traditional → simplified conversion (evaluators/text/simplify.ts): phrase-level,
// Taiwanese vocabulary read as the mainland word, offsets mapped back to the
// trainee's own characters, simplified text left untouched.
import { describe, expect, it, vi } from 'vitest';
import { simplify } from '../../evaluators/text/simplify.ts';

describe('simplify', () => {
  it('converts Taiwanese vocabulary by phrase, not character by character', () => {
    // A character-level converter gives 简讯, 列印, 软体, 网路.
    expect(simplify('群發簡訊').text).toBe('群发短信');
    expect(simplify('幫您列印帳單').text).toContain('打印');
    expect(simplify('手機軟體').text).toContain('软件');
    expect(simplify('網路不通').text).toBe('网络不通');
  });

  it('keeps 核心 so that 核心網 stays a word the jargon list knows', () => {
    expect(simplify('核心網').text).toBe('核心网');
    expect(simplify('核心網連不上核心').text).toBe('核心网连不上核心');
    // 鎝 is one unit as a word (锝) but two as a character (𨱏): the kept word is placed by the original.
    expect(simplify('鎝核心網').text).toBe('锝核心网');
  });

  it('leaves simplified and non-Chinese text exactly as it is', () => {
    for (const text of ['我马上帮您查', 'Let me check', '', '😡 3G']) {
      const s = simplify(text);
      expect(s.text).toBe(text);
      expect(s.toOriginal(2)).toBe(2);
    }
  });

  it('maps offsets back to the original where phrase conversion changes the length', () => {
    // 網際網路 is four characters and its mainland word 互联网 three: the text is then
    // converted per character with an offset table (an emoji is two UTF-16 units).
    const original = '網際網路斷了😡,我保證明天修好';
    const s = simplify(original);
    expect(s.text).toBe('网际网路断了😡,我保证明天修好');
    const at = s.text.indexOf('保证');
    expect(original.slice(s.toOriginal(at), s.toOriginal(at + 2))).toBe('保證');
    expect(s.toOriginal(s.text.length)).toBe(original.length);
    expect(s.toOriginal(-5)).toBe(0);
    expect(s.toOriginal(10_000)).toBe(original.length);
  });
});

// Which characters are traditional is worked out once per process, on first use; a
// fresh copy of the converter, as a new process has, works it out again here.
describe('a freshly loaded converter', () => {
  it('converts a reply written only in traditional characters, and leaves simplified text as it is', async () => {
    vi.resetModules();
    const fresh = await import('../../evaluators/text/simplify.ts');
    expect(fresh.simplify('說話').text).toBe('说话');
    expect(fresh.simplify('幫您查帳單').text).toBe('帮您查账单');
    expect(fresh.simplify('我马上帮您查').text).toBe('我马上帮您查');
  });
});
