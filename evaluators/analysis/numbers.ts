// Amounts and counts written as digits, Chinese numerals or English words, read as
// numbers: 五十 / 50 / fifty / 五十块 / ¥50 / 一百 / a hundred / fifty-five all give
// the value a customer hears. Pure; offsets are those of the text given.

export interface NumberHit {
  value: number;
  start: number;
  end: number;
}

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Digits with no unit between them: 一三八, 二零二六, 三五 (天), 七八 (个). */
const UNITLESS = /^[零〇一二两三四五六七八九]{2,}$/u;

/**
 * 五十五 → 55, 一百 → 100, 十五 → 15, 两千五 → 2500, 一万 → 10000, 一三八 → 138 (read out digit by digit, as a phone
 * number or a year is); undefined for text that is not a numeral, and for two digits side by side, a rough range
 * (三五天, 七八个, 乱七八糟), not one number.
 */
export function chineseNumeral(text: string): number | undefined {
  if (UNITLESS.test(text)) return text.length === 2 ? undefined : Number([...text].map((ch) => ZH_DIGIT[ch]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  for (const ch of text) {
    if (ch in ZH_DIGIT) {
      digit = ZH_DIGIT[ch]!;
      continue;
    }
    if (ch === '万') {
      section += digit ?? 0;
      total += (section || 1) * 10000;
      section = 0;
      digit = undefined;
      lastUnit = 10000;
      continue;
    }
    const unit = ZH_UNIT[ch];
    if (unit === undefined) return undefined;
    section += (digit ?? 1) * unit;
    digit = undefined;
    lastUnit = unit;
  }
  // 两千五 is 2500, 一百五 is 150: a trailing digit after a unit counts in the next unit down (五 alone is 5).
  if (digit !== undefined) section += lastUnit >= 100 && !text.includes('零') ? (digit * lastUnit) / 10 : digit;
  return total + section;
}

const EN_UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1000 };

/** fifty-five → 55, a hundred → 100, one hundred and five → 105; "a" alone is no number. */
function englishWords(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w === 'and') continue;
    if (w in EN_UNITS) {
      current += EN_UNITS[w]!;
      if (w !== 'a' && w !== 'an') seen = true;
    } else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w]!;
      current = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

const ZH_RUN = /[零〇一二两三四五六七八九十百千万]+/gu;
const DIGITS = /\d+(?:[.,]\d+)?/g;
// Whole words only: "hundreds of clients" names no number.
const EN_WORD = new RegExp(
  `\\b(?:(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_SCALES)].join('|')})(?![a-z])(?:[\\s-]+(?:and[\\s-]+)?)?)+`,
  'gi',
);

const APPROXIMATE = /\b(?:few|several|couple of|couple|some|many)\s+$/i;

/** Every number in the text, in reading order. */
export function findNumbers(text: string): NumberHit[] {
  const hits: NumberHit[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const value = Number(m[0].replace(',', m[0].length - m[0].indexOf(',') === 4 ? '' : '.'));
    if (Number.isFinite(value)) hits.push({ value, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(ZH_RUN)) {
    // 一 alone is mostly "one moment" (一下, 一起): only numerals with a unit, or a lone digit before a measure word.
    const run = m[0];
    if (run.length === 1 && !/[十百千万]/.test(run) && !/^[张块元个位次台]/.test(text.slice(m.index + 1))) continue;
    const value = chineseNumeral(run);
    if (value !== undefined) hits.push({ value, start: m.index, end: m.index + run.length });
  }
  // Stryker disable next-line ConditionalExpression: a text with no letter holds no number word (speed only).
  if (/[a-z]/i.test(text)) {
    for (const m of text.matchAll(EN_WORD)) {
      const words = [...m[0].matchAll(/[a-z]+/gi)];
      // "a hundred a month": a word after the number that only joins ("a", "and") is not part of it.
      while (words.length > 1 && /^(?:an?|and)$/i.test(words.at(-1)![0])) words.pop();
      const value = englishWords(words.map((w) => w[0].toLowerCase()));
      // "a few hundred", "several thousand" name no amount.
      if (value === undefined || APPROXIMATE.test(text.slice(0, m.index))) continue;
      const last = words.at(-1)!;
      hits.push({ value, start: m.index, end: m.index + last.index + last[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
