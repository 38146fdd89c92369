// Named pattern fragments: a piece of expression written once per locale, in
// lexicons/<locale>/fragments.yaml, and used by name ({{name}}) in the patterns of that
// locale's lexicon and concept files. A reference is replaced by the fragment's text,
// exactly as written, before the pattern is checked and compiled, so a pattern means
// what it would mean with the text written out in it. Validated against
// fragments.schema.json; a duplicate, an unsafe fragment, one that is not a single group,
// and a reference to a fragment not defined are refused with file:line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import type { RuleLocale } from '../types.ts';
import { unsafePatternReason } from '../../lib/safe-pattern.ts';
import { schemaValidator } from '../../lib/schema-validator.ts';
import { recordedYaml } from '../../lib/parsed-yaml.ts';

/** The file in each locale folder that defines the locale's fragments. */
export const FRAGMENTS_FILE = 'fragments.yaml';

/** `{{name}}`: outside a character class two braces cannot stand together in a valid expression (with the `u` flag), so no pattern means them literally. */
const REFERENCE = /\{\{([^{}]*)\}\}/g;

export interface Fragments {
  /** The text of each fragment kept, by name. */
  text: Map<string, string>;
  /** The line where each fragment is defined, refused ones included. */
  line: Map<string, number>;
  /** The fragments file, for the message about a reference it does not define. */
  file: string;
}

interface RawFile {
  locale: RuleLocale;
  fragments: { id: string; note?: string; pattern: string }[];
}

const SCHEMA = new URL('../lexicons/fragments.schema.json', import.meta.url);
// Made on first use, precompiled when the build could (see schema-validator.ts).
const validator = schemaValidator<RawFile>(() => ({
  name: 'fragments',
  schema: JSON.parse(readFileSync(SCHEMA, 'utf8')) as object,
  options: { allErrors: true, strict: false },
}));

function lineOf(node: YamlNode | null | undefined, counter: LineCounter): number {
  return counter.linePos(node?.range?.[0] ?? 0).line;
}

/** True when the text is one group ((?:…), (?<!…), (…)): only a group means the same wherever it is put in. */
function isOneGroup(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') {
      // A character class: its brackets and parentheses are characters.
      for (i++; i < text.length && text[i] !== ']'; i++) if (text[i] === '\\') i++;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth === 0) return i === text.length - 1 && text[0] === '(';
  }
  return false;
}

/**
 * The fragments of one locale folder (none when it has no fragments file). Problems with the
 * file or a fragment are added to `problems` when given; a refused fragment is not kept, and a
 * pattern that uses it is refused in turn.
 */
export function loadFragments(folder: string, locale: RuleLocale, problems?: string[]): Fragments {
  const file = join(folder, FRAGMENTS_FILE);
  const fragments: Fragments = { text: new Map(), line: new Map(), file };
  if (!existsSync(file)) return fragments;
  const report = (problem: string) => problems?.push(problem);
  const text = readFileSync(file, 'utf8');
  const counter = new LineCounter();
  let parsed: ReturnType<typeof parseDocument> | undefined;
  const doc = () => (parsed ??= parseDocument(text, { lineCounter: counter }));
  let data = recordedYaml(text) as RawFile | undefined;
  if (data === undefined) {
    if (doc().errors.length) {
      for (const e of doc().errors) report(`${file}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`);
      return fragments;
    }
    data = doc().toJS() as RawFile;
  }
  const validate = validator();
  if (!validate(data)) {
    for (const e of validate.errors ?? []) {
      const node = doc().getIn(e.instancePath.split('/').filter(Boolean), true) as YamlNode | undefined;
      report(`${file}:${lineOf(node, counter)}: ${e.instancePath || '(top)'} ${e.message ?? 'is invalid'}`);
    }
    return fragments;
  }
  if (data.locale !== locale) {
    report(`${file}:1: locale '${data.locale}' does not match its folder '${locale}'`);
    return fragments;
  }
  const lineOfFragment = (index: number) => {
    const list = doc().get('fragments', true);
    return lineOf(isSeq(list) ? (list.items[index] as YamlNode) : undefined, counter);
  };
  data.fragments.forEach((fragment, index) => {
    const first = fragments.line.get(fragment.id);
    if (first !== undefined) {
      report(`${file}:${lineOfFragment(index)}: duplicate fragment '${fragment.id}' (first at line ${first})`);
      return;
    }
    fragments.line.set(fragment.id, lineOfFragment(index));
    const reason =
      fragment.pattern.match(REFERENCE) !== null
        ? 'uses another fragment: a fragment is written out in full'
        : (unsafePatternReason(fragment.pattern) ??
          (isOneGroup(fragment.pattern)
            ? undefined
            : 'is not one group: write it as (?:…) or a look-around, so that it means the same wherever it is put in'));
    if (reason) report(`${file}:${lineOfFragment(index)}: fragment '${fragment.id}' /${fragment.pattern}/ ${reason}`);
    else fragments.text.set(fragment.id, fragment.pattern);
  });
  return fragments;
}

/**
 * The pattern with each `{{name}}` replaced by that fragment's text, and checked as safe-pattern.ts
 * checks every pattern; or why it is refused, written to follow "pattern /…/ in entry 'x'": it
 * names a fragment not defined or refused, or it is unsafe or invalid (with its fragments put in).
 */
export function expandPattern(
  pattern: string,
  fragments: Fragments | undefined,
): { pattern: string; refused?: undefined } | { refused: string; pattern?: undefined } {
  let missing: string | undefined;
  const expanded = pattern.replace(REFERENCE, (reference, name: string) => {
    const text = fragments?.text.get(name);
    if (text !== undefined) return text;
    const line = fragments?.line.get(name);
    missing ??=
      line === undefined
        ? `names fragment '${reference}', which ${fragments?.file ?? FRAGMENTS_FILE} does not define`
        : `names fragment '${reference}', which was refused (${fragments!.file}:${line})`;
    return reference;
  });
  if (missing !== undefined) return { refused: ` ${missing}` };
  const reason = unsafePatternReason(expanded);
  if (reason === undefined) return { pattern: expanded };
  return { refused: `${expanded === pattern ? '' : ', with its fragments put in,'} ${reason}` };
}
