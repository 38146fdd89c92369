// Recognises the trainer-given intents in a reply: keyword hits plus token
// overlap (Dice on stems / jieba words) with the example phrases. Deterministic.
import { type RuleLocale, segment, simplify } from '../evaluators/index.ts';
import type { Intent } from './model.ts';

const STOP = new Set([
  'the',
  'a',
  'an',
  'to',
  'i',
  'you',
  'it',
  'is',
  'be',
  'and',
  'of',
  'for',
  'your',
  'we',
  'me',
  'my',
  'that',
  'thi',
  'this',
  'will',
  'can',
  'let',
  '的',
  '了',
  '我',
  '你',
  '您',
  '是',
  '一下',
  '吗',
  '吧',
  '呢',
  '啊',
  '在',
  '就',
  '给',
  '我们',
]);

function words(text: string): string[] {
  return segment(text)
    .map((t) => t.norm.toLowerCase())
    .filter((w) => !STOP.has(w));
}

function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const bs = new Set(b);
  const as = new Set(a);
  let both = 0;
  for (const w of as) if (bs.has(w)) both++;
  return (2 * both) / (as.size + bs.size);
}

/** Words just before a keyword that undo it: "不用核对了" is no check, "no need to count" no count. */
const NEGATED_BEFORE: Record<RuleLocale, RegExp> = {
  'zh-CN': /(?:不用|不必|不要|不需要|无需|没必要|别|没|不想|不能|不会|甭)[^,，。！？!?]{0,2}$/,
  en: /\b(?:no need to|don't|do not|won't|will not|not|never|can't|cannot|without|no)\s+(?:\w+\s+)?$/,
};

/** English keywords as word-start expressions, compiled once (they run on every reply). */
const keywordRegexes = new Map<string, RegExp>();
function keywordRegex(key: string): RegExp {
  let re = keywordRegexes.get(key);
  if (!re) keywordRegexes.set(key, (re = new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g')));
  return re;
}

function keywordHit(reply: string, key: string, locale: RuleLocale): boolean {
  const re = locale === 'en' ? keywordRegex(key) : undefined;
  const starts: number[] = [];
  if (re) for (const m of reply.matchAll(re)) starts.push(m.index);
  else for (let at = reply.indexOf(key); at >= 0; at = reply.indexOf(key, at + 1)) starts.push(at);
  return starts.some((at) => !NEGATED_BEFORE[locale].test(reply.slice(Math.max(0, at - 16), at)));
}

function normalise(text: string, locale: RuleLocale): string {
  const t = locale === 'zh-CN' ? simplify(text).text : text;
  return t.toLowerCase();
}

/** An intent's keywords and example words, normalised once per locale (they are compared with every reply). */
interface Prepared {
  keywords: string[];
  examples: string[][];
}
const cache = new WeakMap<Intent, Partial<Record<RuleLocale, Prepared>>>();

function prepared(intent: Intent, locale: RuleLocale): Prepared {
  let perIntent = cache.get(intent);
  if (!perIntent) cache.set(intent, (perIntent = {}));
  return (perIntent[locale] ??= {
    keywords: (intent.keywords[locale] ?? []).map((k) => normalise(k, locale)),
    examples: (intent.examples[locale] ?? []).map((e) => words(normalise(e, locale))),
  });
}

/** The ids of the intents found in the reply, strongest first. */
export function recognise(text: string, locale: RuleLocale, intents: Intent[]): string[] {
  const reply = normalise(text, locale);
  const replyWords = words(reply);
  const scored: { id: string; score: number }[] = [];
  for (const intent of intents) {
    let score = 0;
    const { keywords, examples } = prepared(intent, locale);
    for (const key of keywords) if (keywordHit(reply, key, locale)) score = Math.max(score, 1);
    for (const ex of examples) score = Math.max(score, dice(replyWords, ex) >= 0.5 ? 0.8 : 0);
    if (score > 0) scored.push({ id: intent.id, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.id);
}
