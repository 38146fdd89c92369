// The build records the data of the shipped YAML files (lib/parsed-yaml.ts)
// so that a start need not parse them. A record must be exactly what the parser gives, and
// a text whose data JSON cannot carry exactly must not be recorded at all.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { recordFile, recordYaml } from '../lib/parsed-yaml.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const artifacts = join(ROOT, 'test', 'artifacts');
mkdirSync(artifacts, { recursive: true });
const dir = mkdtempSync(join(artifacts, 'parsed-yaml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return name.endsWith('.yaml') ? [full] : [];
  });
}

describe('recorded YAML data', () => {
  it('is, for every shipped scenario and lexicon file, exactly what the parser gives', () => {
    const files = [...yamlFiles(join(ROOT, 'scenarios', 'library')), ...yamlFiles(join(ROOT, 'evaluators', 'lexicons'))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(recordYaml(text, dir), file).toBe(true);
      expect(JSON.parse(readFileSync(recordFile(text, dir), 'utf8')), file).toStrictEqual(parseDocument(text).toJS());
    }
  });

  it('is named by the exact text', () => {
    expect(recordFile('a: 1\n', dir)).not.toBe(recordFile('a: 1 \n', dir));
    expect(recordFile('a: 1\n', dir)).toBe(recordFile('a: 1\n', dir));
  });

  it('is not made for a text with errors, warnings, aliases or values JSON cannot carry', () => {
    const refused = {
      error: 'a: [1, 2\n',
      'duplicate key': 'a: 1\na: 2\n',
      'unknown tag (a warning)': 'a: !thing x\n',
      alias: 'base: &b {x: 1}\ncopy: *b\n',
      'negative zero': 'a: -0\n',
      'not a number': 'a: .nan\n',
      infinity: 'a: .inf\n',
    };
    for (const [what, text] of Object.entries(refused)) {
      expect(recordYaml(text, dir), what).toBe(false);
      expect(() => statSync(recordFile(text, dir)), what).toThrow();
    }
  });
});
