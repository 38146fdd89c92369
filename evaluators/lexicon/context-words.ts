// Context word lists (negation, hedges, conditionals, explanations, everyday
// words, customer emotion). Data in lexicons/<locale>/context.yaml; validated here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RuleLocale } from '../types.ts';
import { LEXICON_DIR, LexiconError } from './load.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { recordedYaml } from '../../lib/parsed-yaml.ts';

const LISTS = [
  'negators',
  'adjacentNegators',
  'postNegators',
  'waivers',
  'disclaimers',
  'hedges',
  'conditionals',
  'effort',
  'explainers',
  'everyday',
  'customerEmotion',
  'ownActions',
  'followUps',
  'functionWords',
  'keywordWrappers',
  'nameBefore',
  'nameAfter',
] as const;
export type ContextList = (typeof LISTS)[number];
export type ContextWords = Record<ContextList, string[]>;

// Made on first use, precompiled when the build could (see schema-validator.ts).
const validator = schemaValidator<ContextWords & { locale: string }>(() => ({
  name: 'context-words',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['locale', ...LISTS],
    properties: {
      locale: { enum: ['zh-CN', 'en'] },
      ...Object.fromEntries(LISTS.map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true }])),
    },
  },
  options: { allErrors: true },
}));

const cache = new Map<string, ContextWords>();

/** Reads context.yaml of each locale again; on a problem, `restore` keeps the previous words. */
export function reloadContextWords(dir: string = LEXICON_DIR): { problems: string[]; restore(): void } {
  const old = new Map([...cache].filter(([key]) => key.startsWith(`${dir}|`)));
  for (const key of old.keys()) cache.delete(key);
  const problems: string[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    try {
      loadContextWords(locale, dir);
    } catch (error) {
      problems.push(...(error instanceof LexiconError ? error.problems : [error instanceof Error ? error.message : String(error)]));
    }
  }
  return {
    problems,
    restore: () => {
      for (const [key, value] of old) cache.set(key, value);
    },
  };
}

export function loadContextWords(locale: RuleLocale, dir: string = LEXICON_DIR): ContextWords {
  const key = `${dir}|${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = join(dir, locale, 'context.yaml');
  const text = readFileSync(file, 'utf8');
  const data = recordedYaml(text) ?? (parse(text) as unknown);
  const validate = validator();
  if (!validate(data)) {
    throw new LexiconError((validate.errors ?? []).map((e) => `${file}: ${e.instancePath || '(top)'} ${e.message ?? 'is invalid'}`));
  }
  cache.set(key, data);
  return data;
}
