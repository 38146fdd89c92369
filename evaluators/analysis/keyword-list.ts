// A string of bare keywords is not speech: "Receipt, till, count, refund." or "小票，钱箱，核对，清点。"
// names the right things without saying anything to the customer, so it moves no one. The words
// that make speech of keywords are data (context.yaml, functionWords).
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

/** Whether `text` (prepared: simplified, straight apostrophes) is nothing but bare keywords. */
export function isKeywordList(text: string, locale: RuleLocale, functionWords: readonly string[]): boolean {
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
  if (pieces.length < MIN_ZH_PIECES || pieces.some((p) => p.length > ZH_KEYWORD_CHARS)) return false;
  return !segment(text).some((t) => functionWords.includes(t.text));
}
