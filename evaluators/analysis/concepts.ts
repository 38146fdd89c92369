// Concept sets: words and phrases that mean one thing (the owner, phoning, handing
// money back, an insult…), per locale, in lexicons/<locale>/concepts/*.yaml. Shared
// by every scenario and by the evaluators. Validated against concepts.schema.json;
// duplicate ids, duplicate phrases and unsafe patterns are refused with file:line.
// Patterns may name the locale's fragments (lexicon/fragments.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import type { RuleLocale } from '../types.ts';
import { LEXICON_DIR, LexiconError, lowerCaseSource } from '../lexicon/load.ts';
import { expandPattern, loadFragments, type Fragments } from '../lexicon/fragments.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { recordedYaml } from '../../lib/parsed-yaml.ts';

export interface Concept {
  id: string;
  /** Matches the prepared reply (lower-cased for English); global, so callers reset lastIndex. */
  regex: RegExp;
  /**
   * Literal text the reply must contain (any one of them) for `regex` to have a chance;
   * undefined when the concept has patterns, which always run.
   */
  needles?: string[];
  /** file:line where it is defined. */
  source: string;
}

export type ConceptSet = Map<string, Concept>;

/** The concepts the analysis itself reads (acts, who acts); every locale must define them. */
export const REQUIRED_CONCEPTS = [
  'question',
  'offer',
  'refusal',
  'apology',
  'thanks',
  'greeting',
  'threat',
  'insult',
  'affirm',
  'customer-does',
  'we',
  'restate',
  'open-question',
  'confirm-tag',
  'agree',
  'smalltalk',
  'contrast',
  'their-wish',
  'soften',
] as const;

interface RawConcept {
  id: string;
  note?: string;
  phrases?: string[];
  patterns?: string[];
}
interface RawFile {
  locale: RuleLocale;
  concepts: RawConcept[];
}

const SCHEMA_PATH = join(LEXICON_DIR, 'concepts.schema.json');
const validator = schemaValidator<RawFile>(() => ({
  name: 'concepts',
  schema: JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object,
  options: { allErrors: true, strict: false },
}));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Gaps stay inside one clause: no clause punctuation is crossed. */
const GAP = { 'zh-CN': '[^,，。！？!?;；\\n]{0,6}?', en: '(?![a-z])[^,.;!?\\n]{0,24}?(?<![a-z])' } as const;

/** One phrase as an expression: '...' is a short gap; in English a trailing * is any word ending (word edges are added around all of a concept's phrases at once). */
export function phraseExpression(phrase: string, locale: RuleLocale): string {
  const text = locale === 'en' ? phrase.toLowerCase().replace(/’/g, "'") : phrase;
  const body = text
    .split('...')
    .map((piece) => {
      const trimmed = piece.trim();
      let out = escape(trimmed).replace(/ +/g, '\\s+').replace(/'/g, "['’]");
      if (locale === 'en') out = out.replace(/\\\*(?=\\s|$)/g, "[\\p{L}'’]*");
      return out;
    })
    .join(GAP[locale]);
  if (locale === 'en') return body;
  const head = /^[A-Za-z0-9]/.test(text) ? '(?<![A-Za-z0-9])' : '';
  const tail = /[A-Za-z0-9]$/.test(text) ? '(?![A-Za-z0-9])' : '';
  return `${head}${body}${tail}`;
}

/** The longest run of a phrase that its expression matches literally (no gap, no spacing, no word ending). */
function needleOf(phrase: string, locale: RuleLocale): string {
  const text = locale === 'en' ? phrase.toLowerCase() : phrase;
  const runs = text.split(locale === 'en' ? /\.\.\.|[\s'’*]+/ : /\.\.\./).filter(Boolean);
  return runs.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number {
  return counter.linePos(node?.range?.[0] ?? 0).line;
}

/** Parses and checks one concepts file into `set`; problems are added as file:line messages. Its patterns may name the locale's `fragments`. */
export function compileConceptFile(
  file: string,
  text: string,
  locale: RuleLocale,
  set: ConceptSet,
  problems: string[],
  fragments?: Fragments,
): void {
  const counter = new LineCounter();
  let parsed: ReturnType<typeof parseDocument> | undefined;
  const doc = () => (parsed ??= parseDocument(text, { lineCounter: counter }));
  let data = recordedYaml(text);
  if (data === undefined) {
    if (doc().errors.length) {
      for (const e of doc().errors) problems.push(`${file}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`);
      return;
    }
    data = doc().toJS();
  }
  const validate = validator();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const node = doc().getIn(e.instancePath.split('/').filter(Boolean), true) as YamlNode | undefined;
      problems.push(`${file}:${lineOf(node, counter)}: ${e.instancePath || '(top)'} ${e.message ?? 'is invalid'}`);
    }
    return;
  }
  if (data.locale !== locale) {
    problems.push(`${file}:1: locale '${data.locale}' does not match its folder '${locale}'`);
    return;
  }
  const lineOfConcept = (index: number) => {
    const list = doc().get('concepts', true);
    return lineOf(isSeq(list) ? (list.items[index] as YamlNode) : undefined, counter);
  };
  data.concepts.forEach((raw, index) => {
    const where = () => `${file}:${lineOfConcept(index)}`;
    if (set.has(raw.id)) {
      problems.push(`${where()}: duplicate concept '${raw.id}' (first at ${set.get(raw.id)!.source})`);
      return;
    }
    const seen = new Set<string>();
    const phraseParts: string[] = [];
    const parts: string[] = [];
    let bad = false;
    for (const phrase of raw.phrases ?? []) {
      const key = phrase.toLowerCase();
      if (seen.has(key)) {
        problems.push(`${where()}: duplicate phrase '${phrase}' in concept '${raw.id}'`);
        bad = true;
      }
      seen.add(key);
      phraseParts.push(phraseExpression(phrase, locale));
    }
    for (const pattern of raw.patterns ?? []) {
      const expanded = expandPattern(pattern, fragments);
      if (expanded.refused !== undefined) {
        problems.push(`${where()}: pattern /${pattern}/ in concept '${raw.id}'${expanded.refused}`);
        bad = true;
      } else parts.push(locale === 'en' ? lowerCaseSource(expanded.pattern) : expanded.pattern);
    }
    if (bad) return;
    // Longer alternatives first, so the longest phrase at a place is the one matched. English phrases
    // share one pair of word-edge guards: one lookbehind per position instead of one per phrase.
    phraseParts.sort((a, b) => b.length - a.length);
    if (locale === 'en' && phraseParts.length) parts.push(`(?<![a-z0-9])(?:${phraseParts.join('|')})(?![a-z0-9])`);
    else parts.push(...phraseParts);
    const source = parts
      .sort((a, b) => b.length - a.length)
      .map((p) => `(?:${p})`)
      .join('|');
    const needles = raw.patterns?.length ? undefined : (raw.phrases ?? []).map((phrase) => needleOf(phrase, locale));
    set.set(raw.id, {
      id: raw.id,
      regex: new RegExp(source, 'gu'),
      source: `${file}:${lineOfConcept(index)}`,
      ...(needles && !needles.includes('') ? { needles } : {}),
    });
  });
}

const cache = new Map<string, { sets: Map<RuleLocale, ConceptSet>; problems: string[] }>();

/** Every locale's concepts under `dir` (default: the shipped ones), loaded once. With `strict`, any problem throws. */
export function loadConcepts(dir: string = LEXICON_DIR, options: { strict?: boolean } = {}): Map<RuleLocale, ConceptSet> {
  let loaded = cache.get(dir);
  if (!loaded) {
    const problems: string[] = [];
    const sets = new Map<RuleLocale, ConceptSet>();
    for (const locale of ['zh-CN', 'en'] as const) {
      const set: ConceptSet = new Map();
      const folder = join(dir, locale, 'concepts');
      if (existsSync(folder)) {
        // The lexicon loader reports the fragments file's own problems; here, only the patterns that use a fragment refused.
        const fragments = loadFragments(join(dir, locale), locale);
        for (const name of readdirSync(folder)
          .filter((n) => n.endsWith('.yaml'))
          .sort()) {
          const file = join(folder, name);
          compileConceptFile(file, readFileSync(file, 'utf8'), locale, set, problems, fragments);
        }
      }
      for (const id of REQUIRED_CONCEPTS) if (!set.has(id)) problems.push(`${folder}: concept '${id}' is required and not defined`);
      sets.set(locale, set);
    }
    loaded = { sets, problems };
    cache.set(dir, loaded);
  }
  if (options.strict && loaded.problems.length) throw new LexiconError(loaded.problems);
  return loaded.sets;
}

/**
 * Reads the concept files again (a trainer edited one). Returns the problems the new files have
 * that the old ones did not, and `restore` to keep serving the previous sets instead.
 */
export function reloadConcepts(dir: string = LEXICON_DIR): { problems: string[]; restore(): void } {
  const old = cache.get(dir);
  cache.delete(dir);
  loadConcepts(dir);
  const before = new Set(old?.problems ?? []);
  return {
    problems: (cache.get(dir)?.problems ?? []).filter((p) => !before.has(p)),
    restore: () => {
      if (old) cache.set(dir, old);
    },
  };
}

/** The problems found loading the concepts under `dir`; empty when all is well. */
export function conceptProblems(dir: string = LEXICON_DIR): string[] {
  loadConcepts(dir);
  return [...(cache.get(dir)?.problems ?? [])];
}

/** The concepts of one locale. */
export function conceptsFor(locale: RuleLocale): ConceptSet {
  return loadConcepts().get(locale) ?? new Map();
}
