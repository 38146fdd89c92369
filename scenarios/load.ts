// Reads scenario files: YAML → schema (ajv) → checks a schema cannot make
// (graph, locales, ids, fact references). Every error names file:line:column.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Scenario } from './model.ts';
import { graphProblems } from './checks.ts';
import { schemaValidator } from '../lib/schema-validator.ts';
import { recordedYaml } from '../lib/parsed-yaml.ts';
import { sourcePath } from '../lib/source-path.ts';

export interface ValidationError {
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. states[2].transitions[0].to */
  path: string;
  message: string;
}

export const SCHEMA_PATH = fileURLToPath(new URL('./schema/scenario.schema.json', import.meta.url));
export const LIBRARY_DIR = sourcePath(fileURLToPath(new URL('./library/', import.meta.url)));

// Made on first use (the schema file is read only then), precompiled when the build could (see schema-validator.ts).
const validator = schemaValidator(() => ({
  name: 'scenario',
  schema: JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object,
  options: { allErrors: true, strict: false },
}));

type Segment = string | number;

/** Field path in the notation trainers read: states[2].lines[0].en */
export function formatPath(segments: Segment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out || '(top level)';
}

function nodeAt(doc: Document, segments: Segment[]): Node | undefined {
  let node: unknown = doc.contents;
  let found: Node | undefined = doc.contents ?? undefined;
  for (const s of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(s));
      if (!pair) break;
      node = pair.value;
      if (pair.value && (isMap(pair.value) || isSeq(pair.value) || isScalar(pair.value))) found = pair.value as Node;
      else found = pair.key as Node; // a key with no value, or an alias: its key (found above, so a scalar)
    } else if (isSeq(node) && typeof s === 'number') {
      node = node.items[s];
      if (node && (isMap(node) || isSeq(node) || isScalar(node))) found = node as Node;
      else break;
    } else break;
  }
  return found;
}

/** JSON Schema types in a trainer's words. */
const TYPE_WORDS: Record<string, string> = {
  array: 'a list',
  object: 'a mapping (key: value)',
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

function plainWords(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `missing required field "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown field "${String(p.additionalProperty)}" (check the spelling)`;
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `must be ${TYPE_WORDS[String(p.type)] ?? `of type ${String(p.type)}`}`;
    case 'minItems':
      return `must have at least ${String(p.limit)} item(s)`;
    case 'minLength':
      return 'must not be empty';
    case 'pattern':
      return 'has characters that are not allowed (use lower-case letters, digits and dashes; an ending is written end:resolved / end:escalated / end:abandoned / end:turn-limit)';
    case 'minimum':
      return `must be at least ${String(p.limit)}`;
    case 'maximum':
      return `must be at most ${String(p.limit)}`;
    case 'uniqueItems':
      return 'has the same item twice';
    case 'oneOf':
      return 'must be a single id or a list of ids';
    default:
      return e.message ?? 'is not valid';
  }
}

/** The fields of an error's JSON pointer; the whole document's empty pointer names no field, as a path of one empty name. */
function pointerSegments(pointer: string): Segment[] {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface LoadedFile {
  scenario?: Scenario;
  errors: ValidationError[];
}

/** Validates one scenario file; returns the scenario only when it has no errors. */
export function loadScenarioFile(file: string, cwd = process.cwd()): LoadedFile {
  const shown = relative(cwd, sourcePath(file)) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    return {
      errors: [
        {
          file: shown,
          line: 1,
          column: 1,
          path: '(file)',
          message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        },
      ],
    };
  }
  const lineCounter = new LineCounter();
  // Parsed only when needed: a file the build recorded has its data without parsing, until a problem needs a position.
  let parsed: Document | undefined;
  const doc = () => (parsed ??= parseDocument(source, { lineCounter, uniqueKeys: true }));
  const at = (offset: number | undefined) => lineCounter.linePos(offset ?? 0);
  let data = recordedYaml(source);
  if (data === undefined) {
    if (doc().errors.length) {
      return {
        errors: doc().errors.map((e) => {
          const pos = at(e.pos[0]);
          return { file: shown, line: pos.line, column: pos.col, path: '(yaml)', message: `not valid YAML: ${e.message.split('\n')[0]}` };
        }),
      };
    }
    data = doc().toJS();
  }
  const errorAt = (segments: Segment[], message: string): ValidationError => {
    const pos = at(nodeAt(doc(), segments)?.range?.[0]);
    return { file: shown, line: pos.line, column: pos.col, path: formatPath(segments), message };
  };
  const validate = validator();
  if (!validate(data)) {
    const all = validate.errors ?? [];
    // oneOf reports its branches too (an id's type, a list's length): its summary says enough.
    const oneOfAt = new Set(all.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
    const errors = all
      .filter((e) => e.keyword === 'oneOf' || (!oneOfAt.has(e.instancePath) && !e.schemaPath.includes('/oneOf/')))
      .map((e) => errorAt(pointerSegments(e.instancePath), plainWords(e)));
    return { errors: dedupe(errors) };
  }
  const scenario = data as Scenario;
  const errors = graphProblems(scenario).map((p) => errorAt(p.path, p.message));
  if (basename(file).replace(/\.ya?ml$/, '') !== scenario.id) {
    errors.push(errorAt(['id'], `the id "${scenario.id}" must match the file name (${basename(file)})`));
  }
  return errors.length ? { errors } : { scenario: { ...scenario, file: shown }, errors };
}

function dedupe(errors: ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}|${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Scenario files under the given paths (files or folders, not recursive into dot folders). */
export function scenarioFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name === 'node_modules' || name === 'schema') continue;
        const child = join(p, name);
        // <id>.tests.yaml beside a scenario holds its conversations (roleplay test), not a scenario.
        if (statSync(child).isDirectory() || (/\.ya?ml$/.test(name) && !name.endsWith('.tests.yaml'))) walk(child);
      }
    } else files.push(resolve(p));
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

export interface Library {
  scenarios: Map<string, Scenario>;
  errors: ValidationError[];
}

const cache = new Map<string, Library>();

/** Loads every scenario in a folder once; later calls return the same result, unless `fresh` asks to read the files again. */
export function loadLibrary(dir: string = LIBRARY_DIR, options: { fresh?: boolean } = {}): Library {
  const key = resolve(dir);
  const cached = options.fresh ? undefined : cache.get(key);
  if (cached) return cached;
  const scenarios = new Map<string, Scenario>();
  const errors: ValidationError[] = [];
  const { files } = scenarioFiles([key]);
  for (const file of files) {
    const loaded = loadScenarioFile(file);
    errors.push(...loaded.errors);
    if (!loaded.scenario) continue;
    if (scenarios.has(loaded.scenario.id)) {
      errors.push({
        file: loaded.scenario.file ?? file,
        line: 1,
        column: 1,
        path: 'id',
        message: `duplicate scenario id "${loaded.scenario.id}"`,
      });
      continue;
    }
    scenarios.set(loaded.scenario.id, loaded.scenario);
  }
  const library = { scenarios, errors };
  cache.set(key, library);
  return library;
}
