// Every language tag the product meets resolves the same way wherever it is read.
import { describe, expect, it } from 'vitest';
import { clipReply, inputLocale, MAX_REPLY_CHARS, ruleLocale, textLocale } from './index.ts';

describe('ruleLocale', () => {
  it('reads English for any English tag and the Chinese rules for any Chinese tag', () => {
    for (const tag of ['en', 'en-US', 'EN-gb', ' en ']) expect(ruleLocale(tag, 'zh-CN')).toBe('en');
    for (const tag of ['zh', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant-TW']) expect(ruleLocale(tag, 'en')).toBe('zh-CN');
  });

  it('falls back for a missing or unknown tag, working the fallback out only then', () => {
    expect(ruleLocale(undefined, 'en')).toBe('en');
    expect(ruleLocale('fr-FR', 'zh-CN')).toBe('zh-CN');
    expect(ruleLocale('', () => textLocale('您好'))).toBe('zh-CN');
    expect(
      ruleLocale('en', () => {
        throw new Error('not needed');
      }),
    ).toBe('en');
  });
});

describe('inputLocale', () => {
  it('keeps traditional-character Chinese apart, since its input is converted first', () => {
    for (const tag of ['zh-TW', 'zh-hk', 'zh-MO', 'zh-Hant', 'zh-Hant-HK']) expect(inputLocale(tag, 'zh-CN')).toBe('zh-TW');
    expect(inputLocale('zh-CN', 'en')).toBe('zh-CN');
    expect(inputLocale('en-AU', 'zh-CN')).toBe('en');
    expect(inputLocale('de', 'zh-CN')).toBe('zh-CN');
    expect(inputLocale('de', 'en')).toBe('en');
    expect(inputLocale(undefined, 'zh-TW')).toBe('zh-TW');
  });
});

describe('clipReply', () => {
  it('reads at most MAX_REPLY_CHARS, and a configured limit only lowers it', () => {
    const long = 'x'.repeat(MAX_REPLY_CHARS + 500);
    expect(clipReply(long)).toMatchObject({ clipped: true, limit: MAX_REPLY_CHARS });
    expect(clipReply(long).text).toHaveLength(MAX_REPLY_CHARS);
    expect(clipReply(long, MAX_REPLY_CHARS * 3).limit).toBe(MAX_REPLY_CHARS);
    expect(clipReply(long, 100)).toMatchObject({ text: 'x'.repeat(100), clipped: true, limit: 100 });
    expect(clipReply('short', 100)).toEqual({ text: 'short', clipped: false, limit: 100 });
  });
});
