// JSON Schema validators (scenario files, lexicon files, context words), precompiled
// when the compiled copy has them, so a start does not pay for ajv compiling them
// (docs/benchmarks.md, "Start-up"); bin/build.js writes each schema's standalone validator into
// dist/<hash>/lib/precompiled/, named by a hash of the ajv version, the
// options and the schema. An edited schema or another ajv version therefore finds no
// file and is compiled here by ajv, and so is every schema under tsx.
// Standalone code is the code ajv.compile generates, so the errors are the same.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, Options } from 'ajv';
import type standalone from 'ajv/dist/standalone/index.js';

export interface SchemaValidator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

export interface SchemaSpec {
  /** Part of the precompiled file's name, for people looking at the build. */
  name: string;
  schema: object;
  options: Pick<Options, 'allErrors' | 'strict'>;
}

export const PRECOMPILED_DIR = fileURLToPath(new URL('./precompiled/', import.meta.url));

// ajv is required only when a schema has to be compiled: loading it is part of what the precompiled path saves.
const require = createRequire(import.meta.url);
const registered: (() => SchemaSpec)[] = [];

/** The file a spec's standalone validator lives in; the name changes with anything that changes the generated code. */
export function precompiledFile(spec: SchemaSpec, dir: string = PRECOMPILED_DIR): string {
  const { version } = require('ajv/package.json') as { version: string };
  const key = createHash('sha256')
    .update(JSON.stringify([version, spec.options, spec.schema]))
    .digest('hex')
    .slice(0, 16);
  return join(dir, `${spec.name}-${key}.cjs`);
}

function compile<T>(spec: SchemaSpec): SchemaValidator<T> {
  const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
  return new AjvClass(spec.options).compile<T>(spec.schema);
}

/**
 * The validator for a schema, made on first use (`describe` too is called then, so a
 * schema file is read only when it is needed): the precompiled one when the
 * build wrote it, otherwise compiled by ajv. Registered so that the build can
 * precompile it.
 */
export function schemaValidator<T>(describe: () => SchemaSpec): () => SchemaValidator<T> {
  registered.push(describe);
  let validate: SchemaValidator<T> | undefined;
  return () => {
    if (!validate) {
      const spec = describe();
      const file = precompiledFile(spec);
      validate = existsSync(file) ? (require(file) as SchemaValidator<T>) : compile<T>(spec);
    }
    return validate;
  };
}

/** Every schema the loaded modules validate with (for the build). */
export function registeredSchemas(): SchemaSpec[] {
  return registered.map((describe) => describe());
}

/** ajv's standalone code for a schema: a CommonJS module exporting the validator. */
export function standaloneSource(spec: SchemaSpec): string {
  const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
  const { default: generate } = require('ajv/dist/standalone/index.js') as typeof standalone;
  const ajv = new AjvClass({ ...spec.options, code: { source: true, esm: false } });
  return generate(ajv, ajv.compile(spec.schema));
}

/**
 * Writes a spec's precompiled validator (the build calls this); returns the file. A
 * file of the same name in `reuse` (an earlier build's) is the same code and is copied.
 */
export function writePrecompiled(spec: SchemaSpec, dir: string = PRECOMPILED_DIR, reuse?: string): string {
  const file = precompiledFile(spec, dir);
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: a process starting meanwhile sees either no file or all of it.
  const tmp = `${file}.${process.pid}.tmp`;
  const earlier = reuse === undefined ? undefined : join(reuse, basename(file));
  if (earlier !== undefined && existsSync(earlier)) copyFileSync(earlier, tmp);
  else writeFileSync(tmp, standaloneSource(spec));
  renameSync(tmp, file);
  return file;
}
