// The Taiwan word table (evaluators/lexicons/taiwan-words.txt) is data a trainer may
// edit: a line the loader cannot use is refused with file:line and what is wrong, all
// problems at once; words after "!" keep the word as it is where they come first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaiwanWords, simplify } from '../../evaluators/text/simplify.ts';

const BAD = readFileSync(new URL('./fixtures/taiwan-words-bad.txt', import.meta.url), 'utf8');

describe('the Taiwan word table', () => {
  it('refuses every bad line at once, each with its file and line', () => {
    expect(() => parseTaiwanWords(BAD, 'bad.txt')).toThrow(
      [
        'Taiwan word table has 8 problem(s):',
        'bad.txt:5: expected two words, got "客诉 投诉 抱怨"',
        'bad.txt:6: expected two words, got "退费"',
        'bad.txt:7: words must be Chinese characters',
        'bad.txt:8: words must be Chinese characters',
        'bad.txt:9: "认证码" and "验证" differ in length',
        'bad.txt:10: duplicate word "门号"',
        'bad.txt:11: words must be Chinese characters',
        'bad.txt:12: words must be Chinese characters',
      ].join('\n'),
    );
  });

  it("names the shipped table's file when no other is given", () => {
    expect(() => parseTaiwanWords('退费')).toThrow('taiwan-words.txt:1: expected two words, got "退费"');
  });

  it('reads a good line into a swap, with its exceptions kept as words that may come before it', () => {
    const [plain, guarded, ...rest] = parseTaiwanWords('# comment\n   \n  # indented comment\n门号  号码\n  方案 套餐 ! 解决  处理 \n');
    expect(rest).toEqual([]);
    expect(plain).toMatchObject({ from: '门号', to: '号码' });
    expect('新门号,旧门号'.replace(plain!.pattern, plain!.to)).toBe('新号码,旧号码');
    expect(guarded).toMatchObject({ from: '方案', to: '套餐' });
    expect('解决方案和处理方案,这个方案'.replace(guarded!.pattern, guarded!.to)).toBe('解决方案和处理方案,这个套餐');
  });

  it('the shipped table is applied to traditional input only, every time a word comes up', () => {
    expect(simplify('這個方案的門號,還有舊門號').text).toBe('这个套餐的号码,还有旧号码');
    expect(simplify('解決方案').text).toBe('解决方案');
    expect(simplify('这个方案').text).toBe('这个方案');
  });
});
