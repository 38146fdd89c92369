// Traditional → simplified Chinese with a way back to the original offsets, so
// findings on the converted text can point at the trainee's own characters.
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

// Taiwan standard with phrases → mainland: also maps vocabulary (軟體 → 软件).
const toSimplifiedPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' });
const toSimplifiedChars = OpenCC.Converter({ from: 't', to: 'cn' });

export interface SimplifiedText {
  text: string;
  /** Maps a UTF-16 offset in `text` to the offset in the original string. */
  toOriginal(offset: number): number;
}

const identity = (offset: number) => offset;

let traditionalChars: Set<string> | undefined;

/** Characters the character-level converter changes: computed once from the converter itself. */
function traditionalSet(): Set<string> {
  if (!traditionalChars) {
    // One character per line: a few characters convert to two, and separators keep
    // the others aligned (converting the bare run shifts every later offset).
    // A set left empty (every Chinese reply is then sent through, below) or holding
    // characters that are not traditional only sends more replies through the phrase
    // converter, which gives them back unchanged (speed only; docs/testing.md).
    // Stryker disable next-line ArrayDeclaration: speed only, see above
    const chars: string[] = [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only, see above
    for (let code = 0x3400; code <= 0x9fff; code++) chars.push(String.fromCharCode(code));
    // Stryker disable next-line StringLiteral: speed only, see above
    const converted = toSimplifiedChars(chars.join('\n')).split('\n');
    traditionalChars = new Set();
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: speed only, see above
    if (converted.length === chars.length) {
      // Stryker disable next-line ArrowFunction,ConditionalExpression: speed only, see above
      chars.forEach((ch, i) => ch !== converted[i] && traditionalChars!.add(ch));
    }
  }
  return traditionalChars;
}

/**
 * True when the string has a character that is written differently in
 * simplified Chinese. Most replies are already simplified; skipping the phrase
 * converter for them keeps its cost off the common case in batch scoring.
 */
function mayBeTraditional(text: string): boolean {
  const set = traditionalSet();
  // The set is never empty with the shipped converter, and a reply wrongly let through
  // converts to itself (speed only).
  // Stryker disable next-line all: speed only, see above
  if (set.size === 0) return /[\u3400-\u9fff]/.test(text);
  for (const ch of text) if (set.has(ch)) return true;
  // Stryker disable next-line BooleanLiteral: speed only, see above
  return false;
}

/**
 * Words the vocabulary converter must leave alone: it maps Taiwanese computing
 * words to mainland ones, and 核心 → 内核 would hide 核心网 from the jargon list.
 * Each is written the same in both scripts, so it is found in the original.
 */
const KEEP_WORDS = ['核心'];

/** Puts the kept words back where the original has them; the conversion kept the length, so offsets agree. */
function keepWords(converted: string, original: string): string {
  let out = converted;
  for (const word of KEEP_WORDS) {
    for (let at = original.indexOf(word); at >= 0; at = original.indexOf(word, at + word.length)) {
      out = out.slice(0, at) + word + out.slice(at + word.length);
    }
  }
  return out;
}

/**
 * 帐 and 账 are one word in service speech (Taiwan writes 帳單 → 帐单, many mainland
 * writers use 帐 too); the rules are written with 账, so 帐 becomes 账 except in a tent
 * or a mosquito net. One character for one: offsets are unchanged.
 */
const ACCOUNT_VARIANT = /(?<![蚊营军])帐(?![篷子幕])/g;

function unifyVariants(text: string): string {
  return text.includes('帐') ? text.replace(ACCOUNT_VARIANT, '账') : text;
}

export function simplify(original: string): SimplifiedText {
  const s = convert(original);
  // Only converted (traditional) input is Taiwan speech; mainland text keeps its own words.
  const text = s.text === original ? s.text : taiwanToMainland(s.text);
  // Stryker disable next-line StringLiteral: unifying a text with no 帐 gives the same (speed only)
  return text.includes('帐')
    ? { text: unifyVariants(text), toOriginal: s.toOriginal }
    : text === s.text
      ? s
      : { text, toOriginal: s.toOriginal };
}

const TAIWAN_WORDS = new URL('../lexicons/taiwan-words.txt', import.meta.url);

interface WordSwap {
  from: string;
  to: string;
  pattern: RegExp;
}

let swaps: WordSwap[] | undefined;

/** The Taiwan word table, checked once: two words of one length a line, optional "!" exceptions. */
export function parseTaiwanWords(text: string, file = 'taiwan-words.txt'): WordSwap[] {
  const out: WordSwap[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [words, exceptions] = line.split('!') as [string, string | undefined];
    const [from, to, ...rest] = words.trim().split(/\s+/);
    const keep = (exceptions ?? '').trim().split(/\s+/).filter(Boolean);
    const han = /^[\u3400-\u9fff]+$/;
    if (!from || !to || rest.length) problems.push(`${file}:${index + 1}: expected two words, got "${words.trim()}"`);
    else if (!han.test(from) || !han.test(to) || !keep.every((k) => han.test(k)))
      problems.push(`${file}:${index + 1}: words must be Chinese characters`);
    else if (from.length !== to.length) problems.push(`${file}:${index + 1}: "${from}" and "${to}" differ in length`);
    else if (out.some((s) => s.from === from)) problems.push(`${file}:${index + 1}: duplicate word "${from}"`);
    else out.push({ from, to, pattern: new RegExp(`${keep.length ? `(?<!${keep.join('|')})` : ''}${from}`, 'g') });
  });
  if (problems.length) throw new Error(`Taiwan word table has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return out;
}

function taiwanToMainland(text: string): string {
  swaps ??= parseTaiwanWords(readFileSync(TAIWAN_WORDS, 'utf8'), TAIWAN_WORDS.pathname);
  let out = text;
  for (const swap of swaps) if (out.includes(swap.from)) out = out.replace(swap.pattern, swap.to);
  return out;
}

function convert(original: string): SimplifiedText {
  if (!mayBeTraditional(original)) return { text: original, toOriginal: identity };
  const whole = toSimplifiedPhrases(original);
  // Phrase conversion almost always keeps the length; when it does, offsets are unchanged.
  if (whole.length === original.length) return { text: keepWords(whole, original), toOriginal: identity };
  // Otherwise convert code point by code point and keep an offset table.
  let text = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    const converted = toSimplifiedChars(ch);
    for (let k = 0; k < converted.length; k++) map.push(i);
    text += converted;
    i += ch.length;
  }
  map.push(original.length);
  return { text, toOriginal: (offset) => map[Math.max(0, Math.min(offset, map.length - 1))] ?? original.length };
}
