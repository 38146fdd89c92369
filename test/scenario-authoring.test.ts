// Writing a scenario as a trainer does: `roleplay new` gives a scaffold that validates and whose
// example conversations pass; validate and play name the file the trainer edits with its line;
// the conversations kept beside each library scenario (<id>.tests.yaml) all pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DIR, loadScenarioFile } from '../scenarios/index.ts';
import { loadTestsFile, runScenarioTest, TESTS_SUFFIX } from '../cli/scenario-tests.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

function roleplay(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['bin/roleplay.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const temp = () => mkdtempSync(join(tmpdir(), 'authoring-'));

describe('the conversations kept beside each scenario', () => {
  const files = readdirSync(LIBRARY_DIR).filter((f) => f.endsWith(TESTS_SUFFIX));

  it('exist for the library', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const name of files)
    it(`${name}: every conversation ends as expected`, () => {
      const testsFile = loadTestsFile(join(LIBRARY_DIR, name), root);
      expect(testsFile.errors).toEqual([]);
      const loaded = loadScenarioFile(join(LIBRARY_DIR, name.replace(TESTS_SUFFIX, '.yaml')), root);
      expect(loaded.errors).toEqual([]);
      const failures = testsFile.tests
        .map((t) => runScenarioTest(loaded.scenario!, t))
        .filter((r) => !r.ok)
        .map((r) => `${r.test.file}:${r.test.line} ${r.test.name}: ${r.problems.join('; ')}`);
      expect(failures).toEqual([]);
    });
});

describe('roleplay new', () => {
  it('writes a commented scaffold that validates, with example conversations that pass', () => {
    const dir = temp();
    const made = roleplay(['new', 'sms-late', '--dir', dir]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    const text = readFileSync(join(dir, 'sms-late.yaml'), 'utf8');
    expect(text).toMatch(/^# /m);
    expect(text).toContain('id: sms-late');
    expect(roleplay(['validate', join(dir, 'sms-late.yaml')]).code).toBe(0);
    const tested = roleplay(['test', join(dir, 'sms-late.yaml')]);
    expect(tested.out).toMatch(/4 passed, 0 failed/);
    expect(tested.code).toBe(0);
  });

  it('never overwrites a file and refuses an id that is not a file name', () => {
    const dir = temp();
    writeFileSync(join(dir, 'taken.yaml'), 'mine\n');
    const r = roleplay(['new', 'taken', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'taken.yaml'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(dir, 'taken.tests.yaml'))).toBe(false);
    expect(roleplay(['new', '../Bad Id', '--dir', dir]).code).toBe(2);
  });
});

describe('errors name the file the trainer edits', () => {
  it('validate of the library names scenarios/library/…, never the compiled copy', () => {
    const r = roleplay(['validate']);
    expect(r.out + r.err).toContain('scenarios/library/wrong-change.yaml');
    expect(r.out + r.err).not.toContain('dist/');
  });

  it('play of a broken file lists its errors with file:line instead of "unknown scenario"', () => {
    const dir = temp();
    const source = readFileSync(join(LIBRARY_DIR, 'wrong-change.yaml'), 'utf8').replace('difficulty: easy', 'difficulty: trivial');
    const file = join(dir, 'wrong-change.yaml');
    writeFileSync(file, source);
    const line = source.split('\n').findIndex((l) => l.includes('difficulty: trivial')) + 1;
    const r = roleplay(['play', file, '--no-pacing', '--json'], '结束\n');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`wrong-change\\.yaml:${line}:\\d+ +difficulty`));
    expect(r.err).not.toMatch(/unknown scenario/);
  });

  it('a failing conversation is reported with its file:line and what happened', () => {
    const dir = temp();
    roleplay(['new', 'demo', '--dir', dir]);
    const tests = join(dir, 'demo.tests.yaml');
    writeFileSync(tests, readFileSync(tests, 'utf8').replace('ending: escalated', 'ending: resolved'));
    const r = roleplay(['test', join(dir, 'demo.yaml')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL +\S*demo\.tests\.yaml:\d+ +blames the customer twice/);
    expect(r.out).toMatch(/ended escalated, expected resolved/);
  });

  it('a tests file with a wrong field is refused with file:line', () => {
    const dir = temp();
    roleplay(['new', 'demo', '--dir', dir]);
    const tests = join(dir, 'demo.tests.yaml');
    writeFileSync(tests, readFileSync(tests, 'utf8').replace('ending: escalated', 'ending: exploded'));
    const r = roleplay(['test', join(dir, 'demo.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/demo\.tests\.yaml:\d+:\d+ +tests\[1\] +"expect\.ending" must be one of/);
  });
});
