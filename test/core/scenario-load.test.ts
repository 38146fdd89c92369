// What a trainer reads when a scenario file is broken: each error with the file, line,
// column and field path, in plain words; and which files of a folder make the library.
// The cases are data: fixtures/scenario-errors.yaml edits fixtures/scenarios/tiny-case.yaml.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary, loadScenarioFile, scenarioFiles, type ValidationError } from '../../scenarios/load.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const BASE = readFileSync(join(FIXTURES, 'scenarios', 'tiny-case.yaml'), 'utf8');

interface Case {
  name: string;
  file?: string;
  text?: string;
  edits?: { find: string; replace: string }[];
  errors: string[];
}
interface Fixture {
  cases: Case[];
  library: {
    files: { path: string; text?: string; edits?: Case['edits'] }[];
    read: string[];
    missing: string[];
    scenarios: string[];
    errors: string[];
  };
}
const fixture = parse(readFileSync(join(FIXTURES, 'scenario-errors.yaml'), 'utf8')) as Fixture;

const temp: string[] = [];
afterAll(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'scenario-load-'));
  temp.push(dir);
  return dir;
};

/** The base scenario with each edit made; an edit whose text is not found exactly once is a broken case. */
function edited(text: string | undefined, edits: Case['edits'] = []): string {
  let out = text ?? BASE;
  for (const { find, replace } of edits) {
    expect(out.split(find), `"${find}" occurs once`).toHaveLength(2);
    out = out.replace(find, replace);
  }
  return out;
}

const shown = (e: ValidationError, dir: string, cwd = dir) =>
  `${relative(dir, resolve(cwd, e.file))}:${e.line}:${e.column} ${e.path}: ${e.message}`;

describe('a broken scenario file', () => {
  it.each(fixture.cases)('$name: is refused with file:line:column, field and plain words', (c) => {
    const dir = tempDir();
    const file = join(dir, c.file ?? 'tiny-case.yaml');
    writeFileSync(file, edited(c.text, c.edits));
    const loaded = loadScenarioFile(file, dir);
    expect(loaded.errors.map((e) => shown(e, dir))).toEqual(c.errors);
    if (c.errors.length) expect(loaded.scenario).toBeUndefined();
    else expect(loaded.scenario?.file).toBe(c.file ?? 'tiny-case.yaml');
  });

  it('that cannot be read is named, with why', () => {
    const dir = tempDir();
    const loaded = loadScenarioFile(join(dir, 'absent.yaml'), dir);
    expect(loaded.errors.map((e) => shown(e, dir))).toEqual(['absent.yaml:1:1 (file): cannot read the file (ENOENT)']);
    expect(loaded.scenario).toBeUndefined();
  });
});

// The library is cached per folder for the life of the process: each test writes its own.
function libraryFolder(): string {
  const dir = tempDir();
  for (const f of fixture.library.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), edited(f.text, f.edits));
  }
  return dir;
}

describe('a scenario folder', () => {
  it('loads the scenario files in it and its folders, and only those', () => {
    const dir = libraryFolder();
    const { files, missing } = scenarioFiles([dir, join(dir, 'nowhere')]);
    expect(files.map((f) => relative(dir, f))).toEqual(fixture.library.read);
    expect(missing.map((m) => relative(dir, m))).toEqual(fixture.library.missing);
  });

  it('keeps each scenario once, and names the files it could not keep', () => {
    const dir = libraryFolder();
    const library = loadLibrary(dir);
    expect([...library.scenarios.keys()]).toEqual(fixture.library.scenarios);
    expect(library.errors.map((e) => shown(e, dir, process.cwd()))).toEqual(fixture.library.errors);
  });

  it('is read once, unless a fresh read is asked for', () => {
    const copy = libraryFolder();
    const first = loadLibrary(copy);
    writeFileSync(join(copy, 'second-case.yaml'), BASE.replace('id: tiny-case', 'id: second-case'));
    expect(loadLibrary(copy)).toBe(first);
    expect([...loadLibrary(copy, { fresh: true }).scenarios.keys()]).toEqual([...fixture.library.scenarios, 'second-case']);
  });
});
