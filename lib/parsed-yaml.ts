// The data of the shipped YAML files (scenarios, lexicons, context words) as the build
// recorded it, so that a start does not parse them (the parser is all cold code at start;
// docs/benchmarks.md, "Start-up"). bin/build.js records yaml's toJS() of each
// data file as JSON, named by a hash of the yaml version and the file's exact text, and
// only when the text parses with no error or warning, has no alias (JSON would turn one
// shared object into two copies) and comes back from JSON deeply equal. A file edited since
// the build, or any other text, has no record and is parsed from its text (always so under
// tsx); a loader that finds a problem in recorded data parses the text then, for the
// problem's line and column.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type * as Yaml from 'yaml';

export const RECORD_DIR = fileURLToPath(new URL('./precompiled/', import.meta.url));

const require = createRequire(import.meta.url);

/** The file a text's record lives in; another yaml version reads the text anew. */
export function recordFile(text: string, dir: string = RECORD_DIR): string {
  const { version } = require('yaml/package.json') as { version: string };
  return join(dir, `yaml-${createHash('sha256').update(`${version}\n`).update(text).digest('hex').slice(0, 24)}.json`);
}

/** What `parseDocument(text).toJS()` gives, when the build recorded it for exactly this text; undefined otherwise. */
export function recordedYaml(text: string): unknown {
  let json: string;
  try {
    json = readFileSync(recordFile(text), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(json) as unknown;
}

/** yaml's toJS() of `text` as JSON, when JSON gives back exactly that data; undefined otherwise. */
function exactJson(text: string): string | undefined {
  const { parseDocument, visit } = require('yaml') as typeof Yaml;
  const doc = parseDocument(text);
  if (doc.errors.length || doc.warnings.length) return undefined;
  let alias = false;
  visit(doc, {
    Alias: () => {
      alias = true;
      return visit.BREAK;
    },
  });
  if (alias) return undefined;
  const data: unknown = doc.toJS();
  const json = JSON.stringify(data);
  // undefined: nothing JSON can hold; not equal: -0, a number JSON cannot write, or another kind of object.
  return json !== undefined && isDeepStrictEqual(JSON.parse(json), data) ? json : undefined;
}

/**
 * Records a data file's text for `recordedYaml` (the build calls this); false when it
 * cannot be recorded exactly. A record of the same name in `reuse` (an earlier build's)
 * is the record of the same text and is copied.
 */
export function recordYaml(text: string, dir: string = RECORD_DIR, reuse?: string): boolean {
  const file = recordFile(text, dir);
  const earlier = reuse === undefined ? undefined : join(reuse, basename(file));
  const json = earlier !== undefined && existsSync(earlier) ? readFileSync(earlier, 'utf8') : exactJson(text);
  if (json === undefined) return false;
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: a process starting meanwhile sees either no record or all of it.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, file);
  return true;
}
