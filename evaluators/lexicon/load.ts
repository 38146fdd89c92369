// Loads the per-locale lexicon files (YAML), validates them against the schema,
// puts the locale's named fragments into the patterns (fragments.ts), rejects
// duplicates and unsafe patterns with file:line, and compiles each entry into a
// matcher. Loaded once per process; the result is immutable.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import type { EvaluatorId, RuleLocale } from '../types.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { recordedYaml } from '../../lib/parsed-yaml.ts';
import { sourcePath } from '../../lib/source-path.ts';
import { entryFlagsFault } from './fault-entries.ts';
import { patternNeedles } from './literal-needles.ts';
import { expandPattern, FRAGMENTS_FILE, loadFragments, type Fragments } from './fragments.ts';

export interface LexiconEntry {
  id: string;
  rule: string;
  note: string;
  suggestion: string;
  plain?: string;
  weight?: number;
  /** Where the entry is written, for error messages and docs. */
  source: string;
  regex: RegExp;
  /**
   * Literal text the reply must contain (any one of them) for `regex` to have a
   * chance of matching; undefined when nothing is certain (the entry always runs).
   * Lower-case for English, whose expressions ignore case.
   */
  needles?: string[];
  /**
   * English only: the same expression written in lower case and compiled without
   * the `i` flag, to run on the lower-cased reply: V8 matches it faster than the
   * case-insensitive Unicode expression, with the same results. Undefined where the
   * results could differ (see lowerCaseExpression).
   */
  lowerRegex?: RegExp;
  /** The entry's literal phrases, as written (the segmenter learns the Chinese ones as words). */
  phrases?: readonly string[];
}

/** The source of an expression in lower case, leaving escapes (\S, \W, \p{Lu}…) as written. */
export function lowerCaseSource(source: string): string {
  return source.replace(/\\[pP]\{[^}]*\}|\\.|[A-Z]/g, (token) => (token.length === 1 ? token.toLowerCase() : token));
}

/**
 * The expression in lower case without the `i` flag, for the lower-cased reply; none when its
 * source has a cased letter outside ASCII (é, µ, σ): case-insensitive matching takes some of
 * those as one letter where lower-casing keeps them apart (µ and μ, σ and ς).
 */
function lowerCaseExpression(source: string): RegExp | undefined {
  // Refusing more sources only sends them to the `i` expression, with the same results (speed only).
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,StringLiteral: speed only, see above
  if ([...source].some((c) => c > '\x7f' && c.toLowerCase() !== c.toUpperCase())) return undefined;
  return new RegExp(lowerCaseSource(source), 'gu');
}

export type Lexicon = Map<EvaluatorId, LexiconEntry[]>;

export class LexiconError extends Error {
  constructor(readonly problems: string[]) {
    super(`Lexicon files have ${problems.length} problem(s):\n${problems.join('\n')}`);
  }
}

interface RawEntry {
  id: string;
  rule: string;
  phrases?: string[];
  patterns?: string[];
  plain?: string;
  weight?: number;
  matchCase?: boolean;
  note: string;
  suggestion: string;
}
interface RawFile {
  evaluator: EvaluatorId;
  locale: RuleLocale;
  entries: RawEntry[];
}
interface CompiledFile extends RawFile {
  /** Each entry compiled, by index; none for an entry with an unsafe pattern. */
  compiled: (LexiconEntry | undefined)[];
}

export const LEXICON_DIR = sourcePath(fileURLToPath(new URL('../lexicons/', import.meta.url)));
const schema = JSON.parse(readFileSync(join(LEXICON_DIR, 'lexicon.schema.json'), 'utf8')) as object;
// Made on first use, precompiled when the build could (see schema-validator.ts).
const validator = schemaValidator<RawFile>(() => ({ name: 'lexicon', schema, options: { allErrors: true, strict: false } }));

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as an expression: its characters literal, a run of spaces any whitespace, an apostrophe straight or curly. */
function phraseBody(phrase: string): string {
  return escapeRegex(phrase).replace(/ +/g, '\\s+').replace(/'/g, "['’]");
}

/** A Chinese phrase: no word boundaries to respect, except that Latin words inside Chinese text still need word edges (LTE must not match inside "ELTEX"). */
function chinesePhraseSource(phrase: string): string {
  const body = phraseBody(phrase);
  const head = /^[A-Za-z0-9]/.test(phrase) ? '(?<![A-Za-z0-9])' : '';
  const tail = /[A-Za-z0-9]$/.test(phrase) ? '(?![A-Za-z0-9])' : '';
  return `${head}${body}${tail}`;
}

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number {
  const offset = node?.range?.[0] ?? 0;
  return counter.linePos(offset).line;
}

/**
 * Parses and checks one lexicon file; returns its entries, each compiled once, or adds
 * to `problems`. `rejected` receives the index of every entry with a problem, so a
 * loader can keep the rest of the file. Its patterns may name the `fragments` of its locale.
 */
export function compileLexiconFile(
  file: string,
  text: string,
  problems: string[],
  rejected?: Set<number>,
  fragments?: Fragments,
): CompiledFile | undefined {
  const counter = new LineCounter();
  // Parsed only when needed: a file the build recorded has its data without parsing, until a problem needs a line.
  let parsed: ReturnType<typeof parseDocument> | undefined;
  const doc = () => (parsed ??= parseDocument(text, { lineCounter: counter }));
  let data = recordedYaml(text);
  if (data === undefined) {
    if (doc().errors.length) {
      for (const e of doc().errors)
        problems.push(`${file}:${e.linePos?.[0].line ?? 1}:${e.linePos?.[0].col ?? 1}: ${e.message.split('\n')[0]}`);
      return undefined;
    }
    data = doc().toJS();
  }
  const validate = validator();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const path = e.instancePath.split('/').filter(Boolean);
      const node = doc().getIn(path, true) as YamlNode | undefined;
      problems.push(`${file}:${lineOf(node, counter)}: ${e.instancePath || '(top)'} ${e.message ?? 'is invalid'}`);
    }
    return undefined;
  }
  const lineOfEntry = (index: number) => {
    const entriesNode = doc().get('entries', true);
    return lineOf(isSeq(entriesNode) ? (entriesNode.items[index] as YamlNode) : undefined, counter);
  };
  // Entries are remembered by index; their lines are looked up only for a problem's message.
  const seenIds = new Map<string, number>();
  const seenPhrases = new Map<string, number>();
  const compiled: (LexiconEntry | undefined)[] = [];
  data.entries.forEach((entry, index) => {
    const firstId = seenIds.get(entry.id);
    if (firstId !== undefined) {
      problems.push(`${file}:${lineOfEntry(index)}: duplicate entry id '${entry.id}' (first at line ${lineOfEntry(firstId)})`);
      rejected?.add(index);
    } else seenIds.set(entry.id, index);
    for (const phrase of entry.phrases ?? []) {
      const key = phrase.toLowerCase();
      const first = seenPhrases.get(key);
      if (first !== undefined) {
        problems.push(`${file}:${lineOfEntry(index)}: duplicate phrase '${phrase}' (first at line ${lineOfEntry(first)})`);
        rejected?.add(index);
      } else seenPhrases.set(key, index);
    }
    let patternsOk = true;
    const patterns: string[] = [];
    for (const pattern of entry.patterns ?? []) {
      const expanded = expandPattern(pattern, fragments);
      if (expanded.refused !== undefined) {
        problems.push(`${file}:${lineOfEntry(index)}: pattern /${pattern}/ in entry '${entry.id}'${expanded.refused}`);
        rejected?.add(index);
        patternsOk = false;
      } else patterns.push(expanded.pattern);
    }
    const own = patternsOk ? compileEntry({ ...entry, patterns }, data.locale, `${basename(file)}#${entry.id}`) : undefined;
    compiled.push(own);
    const repeated = own && entryFlagsFault(data.evaluator, entry.rule) ? flaggedInOwnAdvice(entry, own, data.locale) : undefined;
    if (repeated) {
      problems.push(
        `${file}:${lineOfEntry(index)}: entry '${entry.id}' ${repeated.field} contains '${repeated.text}', which the entry itself flags`,
      );
      rejected?.add(index);
    }
  });
  return { ...data, compiled };
}

/**
 * The advice a fault-flagging entry gives (its suggestion, and for jargon its plain
 * wording) must not contain what the same entry flags: a trainee who follows it would
 * be flagged again.
 * Uses the entry's own matcher, compiled, so phrases and patterns are checked alike.
 */
function flaggedInOwnAdvice(
  entry: RawEntry,
  compiled: LexiconEntry,
  locale: RuleLocale,
): { field: 'suggestion' | 'plain'; text: string } | undefined {
  for (const field of ['suggestion', 'plain'] as const) {
    const text = entry[field];
    if (text === undefined) continue;
    // As match.ts runs it: the lower-case expression on the lower-cased text where it may.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the `i` expression finds the same (speed only)
    const lower = locale === 'en' && compiled.lowerRegex ? lowerCaseHaystack(text) : undefined;
    const re = lower === undefined ? compiled.regex : compiled.lowerRegex!;
    const found = re.exec(lower ?? text);
    if (found) return { field, text: text.slice(found.index, found.index + found[0].length) };
  }
  return undefined;
}

/**
 * English text lower-cased, for the entries' lower-case expressions and literal prefilter:
 * undefined when an offset would move (İ lower-cases to two code units) or the text has a
 * character that Unicode case-insensitive matching folds onto ASCII while toLowerCase does
 * not (ſ → s, K → k); such text runs the case-insensitive expression.
 */
export function lowerCaseHaystack(text: string): string | undefined {
  if (/[\u017f\u212a]/.test(text)) return undefined;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : undefined;
}

function compileEntry(entry: RawEntry, locale: RuleLocale, source: string): LexiconEntry {
  const phrases = [...(entry.phrases ?? [])].sort((a, b) => b.length - a.length);
  // English phrases match whole words only (no letter or digit either side), all behind one pair of guards.
  const phraseParts =
    locale === 'en' && phrases.length
      ? [`(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => phraseBody(p)).join('|')})(?![\\p{L}\\p{N}])`]
      : phrases.map((p) => chinesePhraseSource(p));
  const parts = [...phraseParts, ...(entry.patterns ?? [])];
  const needles = entryNeedles(phrases, entry.patterns ?? [], locale);
  const expression = parts.map((p) => `(?:${p})`).join('|');
  // English ignores case, except in an entry that matches only the case written.
  const ignoreCase = locale === 'en' && !entry.matchCase;
  // Only English replies run the lower-case copy (match.ts); without one they run `regex` (speed only).
  // Stryker disable next-line ConditionalExpression: speed only, see above
  const lowerRegex = ignoreCase ? lowerCaseExpression(expression) : undefined;
  return {
    id: entry.id,
    rule: entry.rule,
    note: entry.note,
    suggestion: entry.suggestion,
    plain: entry.plain,
    weight: entry.weight,
    source,
    regex: new RegExp(expression, ignoreCase ? 'giu' : 'gu'),
    // Stryker disable next-line ObjectLiteral: without the lower-case copy the `i` expression runs (speed only)
    ...(lowerRegex ? { lowerRegex } : {}),
    ...(needles ? { needles } : {}),
    ...(phrases.length ? { phrases } : {}),
  };
}

/** What the reply must contain for the entry to match: a literal run of each phrase, and its patterns' needles (literal-needles.ts). */
function entryNeedles(phrases: string[], patterns: string[], locale: RuleLocale): string[] | undefined {
  const fromPatterns = patterns.map((p) => patternNeedles(p));
  // Giving up the needles only makes the entry run on every reply (speed only).
  // Stryker disable next-line ConditionalExpression: speed only, see above
  if (fromPatterns.includes(undefined)) return undefined;
  const all = [...phrases.map(phraseNeedle), ...fromPatterns.flat()] as string[];
  return locale === 'en' ? englishNeedles(all) : all;
}

/**
 * The longest run of a phrase's characters that its expression matches literally (spaces
 * become \s+, apostrophes ['’]); '' for a phrase of spaces and apostrophes only, which
 * every reply contains.
 */
function phraseNeedle(phrase: string): string {
  // Any run of the phrase is in every match: which one is kept changes only how often the entry runs (speed only).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only, see above
  return phrase.split(/[ ']/).reduce((a, b) => (b.length > a.length ? b : a));
}

/**
 * English needles are looked for in the lower-cased reply, which equals the case folding of
 * the `i` expressions only in ASCII (µ and μ, ſ and s fold together; lower-casing keeps them
 * apart): every needle must be printable ASCII, and is lower-cased; otherwise there are none.
 */
// Stryker disable next-line BlockStatement: without needles the entry runs on every reply (speed only)
function englishNeedles(needles: string[]): string[] | undefined {
  // Giving up the needles only makes the entry run on every reply (speed only).
  // Stryker disable next-line ConditionalExpression: speed only, see above
  if (needles.some((n) => /[^\x20-\x7e]/.test(n))) return undefined;
  return needles.map((n) => n.toLowerCase());
}

const cache = new Map<string, Map<RuleLocale, Lexicon>>();
const problemsByDir = new Map<string, string[]>();

/**
 * Loads every lexicon under `dir` (default: the shipped ones). A malformed file,
 * or an entry with a duplicate or an unsafe pattern, is left out and reported
 * with file:line (see `lexiconProblems`); everything else keeps working. With
 * `strict`, any problem throws a LexiconError listing them all.
 */
export function loadLexicons(dir: string = LEXICON_DIR, options: { strict?: boolean } = {}): Map<RuleLocale, Lexicon> {
  const cached = cache.get(dir);
  if (cached) {
    const known = problemsByDir.get(dir) ?? [];
    if (options.strict && known.length) throw new LexiconError(known);
    return cached;
  }
  const problems: string[] = [];
  const result = new Map<RuleLocale, Lexicon>();
  for (const locale of ['zh-CN', 'en'] as const) {
    const lexicon: Lexicon = new Map();
    const folder = join(dir, locale);
    if (!existsSync(folder)) continue;
    // The concept loader reads the same fragments; their problems are reported here only.
    const fragments = loadFragments(folder, locale, problems);
    for (const name of readdirSync(folder)
      .filter((n) => n.endsWith('.yaml') && n !== 'context.yaml' && n !== FRAGMENTS_FILE)
      .sort()) {
      const file = join(folder, name);
      const rejected = new Set<number>();
      const raw = compileLexiconFile(file, readFileSync(file, 'utf8'), problems, rejected, fragments);
      if (!raw) continue;
      if (raw.locale !== locale) {
        problems.push(`${file}:1: locale '${raw.locale}' does not match its folder '${locale}'`);
        continue;
      }
      const list = lexicon.get(raw.evaluator) ?? [];
      raw.entries.forEach((entry, index) => {
        if (rejected.has(index)) return;
        if (list.some((e) => e.id === entry.id)) {
          problems.push(`${file}: entry id '${entry.id}' is already defined for ${raw.evaluator} in ${locale}`);
          return;
        }
        // Kept entries were compiled when their file was checked (their patterns are safe).
        list.push(raw.compiled[index]!);
      });
      lexicon.set(raw.evaluator, list);
    }
    result.set(locale, lexicon);
  }
  cache.set(dir, result);
  problemsByDir.set(dir, problems);
  if (options.strict && problems.length) throw new LexiconError(problems);
  return result;
}

/**
 * Reads the lexicon files again (a trainer edited one). Returns the problems the new files have
 * that the old ones did not, and `restore` to keep serving the previous lexicons instead.
 */
export function reloadLexicons(dir: string = LEXICON_DIR): { problems: string[]; restore(): void } {
  const old = cache.get(dir);
  const oldProblems = problemsByDir.get(dir);
  cache.delete(dir);
  problemsByDir.delete(dir);
  loadLexicons(dir);
  const before = new Set(oldProblems ?? []);
  return {
    problems: (problemsByDir.get(dir) ?? []).filter((p) => !before.has(p)),
    restore: () => {
      if (old) cache.set(dir, old);
      if (oldProblems) problemsByDir.set(dir, oldProblems);
    },
  };
}

/** The problems found when the lexicons under `dir` were loaded (loading them if needed); empty when all is well. */
export function lexiconProblems(dir: string = LEXICON_DIR): string[] {
  loadLexicons(dir);
  return [...(problemsByDir.get(dir) ?? [])];
}
