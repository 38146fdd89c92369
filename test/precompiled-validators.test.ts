// The standalone validators the build writes (lib/schema-validator.ts) must
// accept and reject exactly what ajv.compile does, with the same errors: trainers read those
// errors as file:line messages. Checked on the shipped files and on many broken copies.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { LIBRARY_DIR } from '../scenarios/load.ts';
import { LEXICON_DIR } from '../evaluators/lexicon/load.ts';
import '../evaluators/lexicon/context-words.ts';
import { FRAGMENTS_FILE } from '../evaluators/lexicon/fragments.ts';
import {
  precompiledFile,
  registeredSchemas,
  schemaValidator,
  writePrecompiled,
  type SchemaSpec,
  type SchemaValidator,
} from '../lib/schema-validator.ts';

// Inside the checkout: the generated code requires ajv's runtime from node_modules, as it does in dist/.
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(artifacts, { recursive: true });
const dir = mkdtempSync(join(artifacts, 'precompiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const require = createRequire(import.meta.url);

const yamlIn = (folder: string, keep: (name: string) => boolean) =>
  readdirSync(folder)
    .filter((n) => n.endsWith('.yaml') && keep(n))
    .sort()
    .map((n) => parse(readFileSync(join(folder, n), 'utf8')) as unknown);

const FRAGMENT_FIXTURES = fileURLToPath(new URL('./core/fixtures/lexicons/fragments/', import.meta.url));

/** The shipped documents each schema checks. */
const DOCUMENTS: Record<string, unknown[]> = {
  scenario: yamlIn(LIBRARY_DIR, (n) => !n.endsWith('.tests.yaml')),
  lexicon: ['zh-CN', 'en'].flatMap((l) => yamlIn(join(LEXICON_DIR, l), (n) => n !== 'context.yaml' && n !== FRAGMENTS_FILE)),
  'context-words': ['zh-CN', 'en'].flatMap((l) => yamlIn(join(LEXICON_DIR, l), (n) => n === 'context.yaml')),
  concepts: ['zh-CN', 'en'].flatMap((l) => yamlIn(join(LEXICON_DIR, l, 'concepts'), () => true)),
  // The shipped fragments are few: the test fixture's (valid against the schema, refused later by the loader) are checked too.
  fragments: [LEXICON_DIR, FRAGMENT_FIXTURES].flatMap((dir) =>
    ['zh-CN', 'en'].flatMap((l) => yamlIn(join(dir, l), (n) => n === FRAGMENTS_FILE)),
  ),
};

const REPLACEMENTS: unknown[] = [42, -1, 1e9, 0.5, 'x', '', 'Not Valid!', true, null, [], {}, ['x', 'x']];

/** Copies of `doc` with one thing broken each: a field removed, a value of another type, an unknown field, a duplicate item. */
function* brokenCopies(doc: unknown, limit: number): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(doc, []);
  // Spread evenly over the document, so every part of a large one is broken somewhere.
  const step = Math.max(1, Math.floor(paths.length / limit));
  for (let p = 0; p < paths.length; p += step) {
    const path = paths[p]!;
    const edit = (change: (parent: Record<string | number, unknown>, key: string | number) => void) => {
      const copy = structuredClone(doc);
      if (path.length === 0) return copy;
      let parent = copy as Record<string | number, unknown>;
      for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
      change(parent, path.at(-1)!);
      return copy;
    };
    for (const value of REPLACEMENTS) yield path.length ? edit((parent, key) => (parent[key] = structuredClone(value))) : value;
    if (path.length) yield edit((parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]));
    const target = path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], doc);
    if (Array.isArray(target)) {
      yield edit((parent, key) => (parent[key] = [...target, structuredClone(target[0])]));
      yield edit((parent, key) => (parent[key] = []));
    } else if (target && typeof target === 'object') yield edit((parent, key) => (parent[key] = { ...target, bogus: 1 }));
  }
}

function outcome(validate: SchemaValidator<unknown>, data: unknown) {
  const valid = validate(data);
  return { valid, errors: structuredClone(validate.errors ?? null) };
}

describe('precompiled validators', () => {
  const specs = registeredSchemas();

  it('cover the scenario, lexicon, context-word, concept and fragment schemas', () => {
    expect(specs.map((s) => s.name).sort()).toEqual(['concepts', 'context-words', 'fragments', 'lexicon', 'scenario']);
  });

  for (const spec of specs) {
    it(`${spec.name}: same verdict and the same errors as ajv.compile, on the shipped files and broken copies`, () => {
      const standalone = require(writePrecompiled(spec, dir)) as SchemaValidator<unknown>;
      const compiled = new Ajv(spec.options).compile(spec.schema);
      const documents = DOCUMENTS[spec.name]!;
      expect(documents.length).toBeGreaterThan(1);
      let invalid = 0;
      for (const doc of documents) {
        expect(outcome(standalone, doc)).toEqual({ valid: true, errors: null });
        expect(outcome(compiled, doc).valid).toBe(true);
        for (const broken of brokenCopies(doc, 40)) {
          const expected = outcome(compiled, broken);
          expect(outcome(standalone, broken)).toEqual(expected);
          if (!expected.valid) invalid++;
        }
      }
      expect(invalid).toBeGreaterThan(500);
    });
  }

  it('are looked up by a name that changes with the schema and the options', () => {
    const spec: SchemaSpec = { name: 'probe', schema: { type: 'string' }, options: { allErrors: true } };
    const file = precompiledFile(spec, dir);
    expect(precompiledFile({ ...spec }, dir)).toBe(file);
    expect(precompiledFile({ ...spec, schema: { type: 'number' } }, dir)).not.toBe(file);
    expect(precompiledFile({ ...spec, options: { allErrors: true, strict: false } }, dir)).not.toBe(file);
  });

  it('without a precompiled file, the schema is compiled by ajv (as under tsx)', () => {
    const validate = schemaValidator<string>(() => ({
      name: 'probe',
      schema: { type: 'string', minLength: 2 },
      options: { allErrors: true },
    }))();
    expect(validate('ok')).toBe(true);
    expect(validate('x')).toBe(false);
    expect(validate.errors?.[0]?.message).toBe('must NOT have fewer than 2 characters');
    // ajv.compile's functions carry their schema; standalone ones do not.
    expect('schema' in validate).toBe(true);
  });
});
