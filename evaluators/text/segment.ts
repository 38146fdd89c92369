// Word segmentation: jieba with the product's domain dictionary for Chinese,
// natural's tokenizer and Porter stemmer for English. Each token keeps its
// [start, end) offsets in the text it was cut from.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Deep imports on purpose: natural's index runs dotenv, which writes to standard
// output and reads .env; the stemmer itself needs neither.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };

export interface Token {
  /** The word as written (simplified for Chinese). */
  text: string;
  /** Lower-cased Porter stem for English words, the word itself otherwise. */
  norm: string;
  start: number;
  end: number;
}

const DOMAIN_DICT = new URL('../lexicons/domain-dict.txt', import.meta.url);

let jieba: Jieba | undefined;
function getJieba(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    try {
      jieba.loadDict(readFileSync(DOMAIN_DICT));
    } catch {
      // No domain dictionary yet: the general one still segments.
    }
  }
  return jieba;
}

/** Lists of words already taught to the segmenter, so each list is loaded once per process. */
const taught = new WeakSet<readonly string[]>();

/**
 * Teaches the segmenter words it must keep whole (a lexicon's terms: 话单, 日割), so
 * that a term is cut as one word where it is one, and not found inside a longer
 * everyday word where it is not (资损 inside 工资损失).
 */
export function teachWords(words: readonly string[]): void {
  if (taught.has(words)) return;
  taught.add(words);
  const lines = words.filter((w) => CJK_WORD.test(w)).map((w) => `${w} ${TAUGHT_FREQUENCY} n`);
  if (lines.length) getJieba().loadDict(Buffer.from(lines.join('\n')));
}

/** High enough to keep a term whole, low enough that common words around it still win. */
const TAUGHT_FREQUENCY = 2000;
const CJK_WORD = /^[\u3400-\u9fff]+$/;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Segments mixed Chinese/English text into word tokens with offsets; punctuation and spaces are dropped. */
export function segment(text: string): Token[] {
  const tokens: Token[] = [];
  if (CJK.test(text)) {
    let offset = 0;
    for (const piece of getJieba().cut(text, true)) {
      const start = text.indexOf(piece, offset);
      if (start < 0) continue;
      offset = start + piece.length;
      if (!/[\p{L}\p{N}]/u.test(piece)) continue;
      tokens.push({ text: piece, norm: CJK.test(piece) ? piece : stem(piece), start, end: offset });
    }
    return tokens;
  }
  for (const m of text.matchAll(WORD)) {
    tokens.push({ text: m[0], norm: stem(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export function stem(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'");
  return /^[a-z]+$/.test(lower) ? porter.stem(lower) : lower;
}
