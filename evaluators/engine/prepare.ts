// A reply prepared once for all evaluators: simplified text, offsets back to the
// original, quoted ranges (the customer's words repeated are not the trainee's
// own), clause boundaries, and the locale's context words.
import type { InputLocale, RuleLocale } from '../types.ts';
import { simplify } from '../text/simplify.ts';
import { clipReply } from '../reply-limit.ts';
import { ruleLocale, textLocale } from '../locale.ts';
import { loadContextWords, type ContextWords } from '../lexicon/context-words.ts';
import type { LexiconEntry } from '../lexicon/load.ts';
import type { Match } from './match.ts';
import type { ReplyAnalysis } from '../analysis/analyse.ts';
import type { Token } from '../text/segment.ts';

export interface PreparedReply {
  original: string;
  /** Simplified (zh) text the rules run on; same length as `scored` part of original unless conversion changed it. */
  text: string;
  locale: RuleLocale;
  toOriginal(offset: number): number;
  /** [start, end) ranges of `text` inside quotation marks. */
  quoted: [number, number][];
  words: ContextWords;
  /**
   * The matcher's per-reply results (match.ts). They live on the reply, not in a WeakMap
   * keyed by it: a module-level WeakMap gaining entries for every reply makes each young
   * collection walk its entries, which slows every garbage collection (docs/benchmarks.md).
   */
  readonly scratch: MatchScratch;
}

export interface MatchScratch {
  /** Matches per entry list: several rules read the same lists. */
  matches: Map<readonly LexiconEntry[], Match[]>;
  /** The reply as the literal prefilter sees it; undefined until asked, null when it cannot be used. */
  haystack?: string | null;
  /** The reply's analysis (analysis/analyse.ts), made once when first asked for. */
  analysis?: ReplyAnalysis;
  /** The reply cut into words (text/segment.ts), made once when first asked for. */
  tokens?: Token[];
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"', '‘': '’' };

/** Longest quotation read as a name when the words around it take a name: a name is a few words, not a sentence. */
const NAME_CHARS = { 'zh-CN': 8, en: 32 } as const;
const NAME_BREAK = /[,，。！？!?;；…\n]/u;

/**
 * Whether the quotation text[open..close] names a thing (用“由你商务助理”, our "Any Time" plan) rather than
 * repeating someone's words: short, one phrase, right after a word that takes a name or right before one.
 */
function namesThing(text: string, open: number, close: number, locale: RuleLocale, words: ContextWords): boolean {
  const inner = text.slice(open + 1, close);
  if (!inner.trim() || inner.length > NAME_CHARS[locale] || NAME_BREAK.test(inner)) return false;
  const before = text.slice(0, open).trimEnd().toLowerCase();
  const after = text
    .slice(close + 1)
    .trimStart()
    .toLowerCase();
  // An English word is whole: "use" ends "…use", not "…cause".
  const wordEdge = (s: string) => locale !== 'en' || !/[a-z]/.test(s);
  return (
    words.nameBefore.some((w) => before.endsWith(w) && wordEdge(before.slice(-w.length - 1, -w.length))) ||
    words.nameAfter.some((w) => after.startsWith(w) && wordEdge(after.slice(w.length, w.length + 1)))
  );
}

function quotedRanges(text: string, locale: RuleLocale, words: ContextWords): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    // In Chinese text a straight single quote quotes words; in English it is an apostrophe.
    const close = QUOTE_PAIRS[text[i]!] ?? (locale === 'zh-CN' && text[i] === "'" ? "'" : undefined);
    if (!close) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) break;
    if (!namesThing(text, i, end, locale, words)) ranges.push([i, end + 1]);
    i = end;
  }
  return ranges;
}

/** An apostrophe inside a word (don’t, it’s, customers’), not a closing quote mark after a space. */
const APOSTROPHE = /(?<=\p{L})’(?=\p{L})|(?<=s)’(?=\s)/gu;

export function prepareReply(reply: string, locale: InputLocale | undefined): PreparedReply {
  // Long replies are scored on their first part, which also bounds the work per reply.
  const scored = clipReply(reply).text;
  const rl = ruleLocale(locale, () => textLocale(scored));
  const simplified = rl === 'zh-CN' ? simplify(scored) : { text: scored, toOriginal: (o: number) => o };
  const words = loadContextWords(rl);
  return {
    original: reply,
    // English lists write the apostrophe straight; a typographic one (don’t) is the same letter, one for one.
    text: rl === 'en' ? simplified.text.replace(APOSTROPHE, "'") : simplified.text,
    locale: rl,
    toOriginal: simplified.toOriginal,
    // Quotes are found before the apostrophes are straightened: ‘…’ still quotes.
    quoted: quotedRanges(simplified.text, rl, words),
    words,
    scratch: { matches: new Map() },
  };
}

export function isQuoted(reply: PreparedReply, start: number, end: number): boolean {
  return reply.quoted.some(([s, e]) => start >= s && end <= e);
}

const CLAUSE_END = /[,，。！？!?;；…\n]|\.(?:\s|$)/u;
/** The characters that end a clause, for the rules and for the words quoted from a reply. */
export const CLAUSE_MARKS = ',，。！？!?;；…\n';
const SENTENCE_MARKS = '。！？!?;；\n';
const SPACE = /\s/u;

/**
 * True where a clause ends at `i`: the two characters from `i` hold a mark, or a
 * full stop that ends the text, is followed by a space, or is the second of them
 * (so "3.5" breaks before its full stop).
 */
function endsClause(text: string, i: number, marks: string): boolean {
  const a = text[i];
  const b = text[i + 1];
  if (a === undefined) return false;
  if (marks.includes(a)) return true;
  if (b === undefined) return a === '.';
  return marks.includes(b) || b === '.' || (a === '.' && SPACE.test(b));
}

interface Breaks {
  text: string;
  /** [k]: the last offset before k where a clause ends, -1 when none. */
  before: Int32Array;
}

/**
 * The clause ends of the last text asked about, per kind: the rules ask once per
 * match, always about the reply being scored, so each reply is scanned once.
 */
const lastBreaks: { clause?: Breaks; sentence?: Breaks } = {};

function breaksOf(text: string, sentence: boolean): Int32Array {
  const kind = sentence ? 'sentence' : 'clause';
  const known = lastBreaks[kind];
  if (known?.text === text) return known.before;
  const marks = sentence ? SENTENCE_MARKS : CLAUSE_MARKS;
  const before = new Int32Array(text.length + 1);
  let last = -1;
  for (let k = 0; k < text.length; k++) {
    before[k] = last;
    if (endsClause(text, k, marks)) last = k;
  }
  before[text.length] = last;
  lastBreaks[kind] = { text, before };
  return before;
}

/** The text from the start of the clause containing `index` (0 ≤ index ≤ text.length) up to `index`. */
export function clauseBefore(text: string, index: number, sentence = false): string {
  return text.slice(breaksOf(text, sentence)[index]! + 1, index);
}

/** The text from `index` to the end of its clause. */
export function clauseAfter(text: string, index: number): string {
  const rest = text.slice(index);
  const m = CLAUSE_END.exec(rest);
  return m ? rest.slice(0, m.index) : rest;
}

/**
 * One regular expression per word list: any word, not inside a longer word, in lower
 * case as the text it is tried on ("do everything I can"). The lists are the loaded
 * context words, so they are compiled once per process instead of once per word per call.
 */
const wordListRegex = new WeakMap<readonly string[], RegExp>();

function anyWordRegex(words: readonly string[]): RegExp {
  let re = wordListRegex.get(words);
  // Stryker disable next-line ConditionalExpression: compiling the list again gives the same expression, only slower.
  if (!re) {
    re = new RegExp(`(?<![a-z])(?:${words.map((w) => w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`);
    wordListRegex.set(words, re);
  }
  return re;
}

export function containsAny(text: string, words: string[], locale: RuleLocale): boolean {
  if (words.length === 0) return false;
  if (locale === 'en') return anyWordRegex(words).test(` ${text.toLowerCase().replace(/’/g, "'")} `);
  return words.some((w) => text.includes(w));
}

/** An A-not-A question (是不是, 能不能, 有没有) asks; its 不 negates nothing ("您是不是经常出差？"). */
const A_NOT_A = {
  'zh-CN': /([是能会要用可行对好])不\1|有没有|可不可以/g,
  en: /$^/g,
};

const COMFORT = {
  'zh-CN': /(?:不用|不要|别)(?:担心|着急|急)/g,
  en: /\b(?:don't|do not|never) (?:you )?worry\b|\bno worries\b|\bnot to worry\b/gi,
};

/** 别 that ends a word of its own (特别抱歉, 分别退给您, 个别) is no 别 of "don't". */
const ENDS_A_WORD = {
  'zh-CN': /(?:特|分|区|个|告|级|类|性|识|辨|鉴|差|派|离|惜|送|道)别$/,
  en: /$^/,
};

/** True when the words right before `index` (same clause, a few words back) negate what follows. */
export function negatedBefore(reply: PreparedReply, index: number): boolean {
  // "Don't worry" comforts; it does not negate what follows ("Don't worry 😊 it'll definitely be fixed").
  const before = clauseBefore(reply.text, index).replace(COMFORT[reply.locale], ' ').replace(A_NOT_A[reply.locale], ' ');
  const window = reply.locale === 'en' ? before.trimEnd().split(/\s+/).slice(-4).join(' ') : before.slice(-10);
  if (containsAny(window, reply.words.negators, reply.locale)) return true;
  const last = reply.locale === 'en' ? (before.trim().split(/\s+/).pop() ?? '').toLowerCase() : before.slice(-1);
  return reply.words.adjacentNegators.includes(last) && !ENDS_A_WORD[reply.locale].test(before);
}

const SENTENCE_END = /[。！？!?;；\n]|\.(?:\s|$)/u;
/** How far after a pledge a disclaimer still takes it back: the rest of a short sentence. */
const DISCLAIMER_REACH = { 'zh-CN': 16, en: 60 } as const;

/** Whether `words` follow `end` within `reach` characters, before the first `stop` mark. */
function saidSoonAfter(reply: PreparedReply, end: number, reach: number, stop: RegExp, words: string[]): boolean {
  const rest = reply.text.slice(end, end + reach);
  const at = stop.exec(rest);
  return containsAny(at ? rest.slice(0, at.index) : rest, words, reply.locale);
}

/** True when the rest of the sentence after `end` takes back the pledge (今天一定修好，这个我不敢打包票). */
export function disclaimedAfter(reply: PreparedReply, end: number): boolean {
  return saidSoonAfter(reply, end, DISCLAIMER_REACH[reply.locale], SENTENCE_END, reply.words.disclaimers);
}

/** How far after a step the words that call it off may come: 检测咱们就免了, "the test really isn't needed". */
const WAIVER_REACH = { 'zh-CN': 6, en: 24 } as const;

/** True when the words right after `end`, in the same clause, call the step off (检测就免了). */
export function waivedAfter(reply: PreparedReply, end: number): boolean {
  return saidSoonAfter(reply, end, WAIVER_REACH[reply.locale], CLAUSE_END, reply.words.waivers);
}

/** True when the words right after `end` negate the match (保证不了, 肯定不行). */
export function negatedAfter(reply: PreparedReply, end: number): boolean {
  const after = reply.text.slice(end, end + (reply.locale === 'en' ? 12 : 3));
  return reply.words.postNegators.some((w) => (reply.locale === 'en' ? after.toLowerCase().startsWith(w) : after.startsWith(w)));
}
