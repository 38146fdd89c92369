// A string of bare keywords is not speech: "Receipt, till, count, refund." or "小票，钱箱，核对，清点。"
// names the right things without saying anything to the customer, so it moves no one. The words
// that make speech of keywords are data (context.yaml, functionWords), and so are the stock
// phrases that refer to a run of keywords instead of saying them (keywordWrappers).
import type { RuleLocale } from '../types.ts';
import { segment } from '../text/segment.ts';
import { findNumbers } from './numbers.ts';

/** Fewest English words a keyword list has: "Test, fault, exchange." is merely curt. */
const MIN_EN_WORDS = 4;
/** Fewest comma-separated items of a keyword run inside a longer English reply. */
const MIN_EN_ITEMS = 4;
/** Where an English reply's parts end: a colon, a semicolon, a dash between words, a full stop or an exclamation. */
const EN_PARTS = /[:;—–]|\s-\s|[.!](?:\s|$)/u;
/** Fewest Chinese pieces (between marks or spaces) a keyword list has: 小票，钱箱。 is merely curt. */
const MIN_ZH_PIECES = 3;
/** Longest Chinese piece read as a bare keyword: 核对小票 is already an action with its object. */
const ZH_KEYWORD_CHARS = 3;
const ZH_SEPARATORS = /[\s,，。！!；;、.]+/u;
/** Where a Chinese reply's parts end: a colon, a semicolon, a dash, a full stop or an exclamation. */
const ZH_PARTS = /[：:；;。！!]|——/u;
/** What separates the items of a Chinese run: commas, enumeration commas and spaces. */
const ZH_ITEMS = /[\s,，、]+/u;
/** Longest item of a Chinese run inside speech: 全国接听免费, 导入通讯录 are named, not said. */
const ZH_RUN_ITEM_CHARS = 6;
/** Fewest items of a Chinese run inside speech ("这些我们都能为您解决：商务助理、导入通讯录、群发短信、通知新号码，…"). */
const MIN_ZH_ITEMS = 4;
/** Fewest items of a run that a stock phrase in its part refers to ("缴费记录，开机，我们会为您处理"). */
const MIN_ZH_WRAPPED_ITEMS = 2;
/** A network generation (2G, 3G) is a name, not a figure. */
const GENERATION = /\d+G/giu;

/** Whether `text` (prepared: simplified, straight apostrophes) is nothing but bare keywords. */
export function isKeywordList(
  text: string,
  locale: RuleLocale,
  functionWords: readonly string[],
  keywordWrappers: readonly string[],
): boolean {
  if (/[?？]/.test(text)) return false;
  if (locale === 'en') {
    const bare = (part: string) => {
      const words = part.toLowerCase().match(/[a-z0-9']+/g) ?? [];
      return words.length >= MIN_EN_WORDS && !words.some((w) => functionWords.includes(w));
    };
    // A run of bare keywords inside speech ("Rest assured: platform, group text, import contacts,
    // new number.") says no more than the run alone: a part between colons, dashes or full stops
    // of at least MIN_EN_ITEMS items between commas. A run that names figures ("says forty-five,
    // cash, hundred tendered") itemises a bill or a count; it is terse speech.
    const run = (part: string) => part.split(',').length >= MIN_EN_ITEMS && findNumbers(part).length === 0 && bare(part);
    return bare(text) || text.split(EN_PARTS).some(run);
  }
  const pieces = text.split(ZH_SEPARATORS).filter((p) => p.length > 0);
  const whole = pieces.length >= MIN_ZH_PIECES && pieces.every((p) => p.length <= ZH_KEYWORD_CHARS);
  if (whole && !segment(text).some((t) => functionWords.includes(t.text))) return true;
  return text.split(ZH_PARTS).some((part) => zhRun(part, functionWords, keywordWrappers));
}

/**
 * Whether a part of a Chinese reply holds a run of bare keywords inside speech: at least
 * MIN_ZH_ITEMS bare items in a row, or at least MIN_ZH_WRAPPED_ITEMS beside a stock phrase that
 * stands in for saying them ("消防通道，规定，理由，请您理解"). An item is bare when it is short, has
 * no function word and names no figure: "核对小票，清点钱箱，退差额" is three actions, terse speech,
 * and "套餐五十八，会员三十，流量八块" itemises a bill.
 */
function zhRun(part: string, functionWords: readonly string[], keywordWrappers: readonly string[]): boolean {
  const items = part.split(ZH_ITEMS).filter((p) => p.length > 0);
  const bare = items.map(
    (item) =>
      item.length <= ZH_RUN_ITEM_CHARS &&
      findNumbers(item.replace(GENERATION, '')).length === 0 &&
      !segment(item).some((t) => functionWords.includes(t.text)),
  );
  const wrapped = items.some((item, i) => !bare[i] && keywordWrappers.some((w) => item.includes(w)));
  let longest = 0;
  let run = 0;
  for (const b of bare) {
    run = b ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest >= MIN_ZH_ITEMS || (wrapped && longest >= MIN_ZH_WRAPPED_ITEMS);
}
