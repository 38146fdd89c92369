// Which rules and texts a language tag reads. Every place that turns a tag (a channel's
// locale, a query string, Accept-Language, a stored session's locale) into a locale of
// the product goes through these two functions.
import type { InputLocale, RuleLocale } from './types.ts';

function normalised(tag: string | null | undefined): string {
  return typeof tag === 'string' ? tag.trim().toLowerCase() : '';
}

/**
 * Any English tag reads English; any Chinese tag (zh-CN, zh-TW, zh-HK…) the Chinese rules
 * and texts; a missing or other tag gives `fallback` (a function when it costs something to work out).
 */
export function ruleLocale(tag: string | null | undefined, fallback: RuleLocale | (() => RuleLocale)): RuleLocale {
  const l = normalised(tag);
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('zh')) return 'zh-CN';
  return typeof fallback === 'function' ? fallback() : fallback;
}

/** Like ruleLocale, but traditional-character Chinese (zh-TW, zh-HK, zh-Hant) stays zh-TW: its input is converted before the rules run. */
export function inputLocale(tag: string | null | undefined, fallback: InputLocale): InputLocale {
  const l = normalised(tag);
  if (l === 'zh-tw' || l === 'zh-hk' || l === 'zh-mo' || l.startsWith('zh-hant')) return 'zh-TW';
  if (l.startsWith('en') || l.startsWith('zh')) return ruleLocale(l, 'zh-CN');
  return fallback;
}

/** The locale of a text whose tag says nothing: Chinese when it holds CJK characters. */
export function textLocale(text: string): RuleLocale {
  return /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : 'en';
}
