// The trainer commands as a trainer runs them: exit codes, file:line:col errors,
// and bad input that must never end in a stack trace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function roleplay(args: string[], input = '') {
  const r = spawnSync(process.execPath, ['bin/roleplay.js', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('roleplay validate', () => {
  it('accepts the shipped library', () => {
    const r = roleplay(['validate', 'scenarios']);
    expect(r.stdout + r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  });

  it('points at file:line:column of a broken copy and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const source = readFileSync(join(root, 'scenarios/library/wrong-change.yaml'), 'utf8');
    const broken = source
      .replace('difficulty: easy', 'difficulty: trivial')
      .replace('to: details, intent: acknowledge', 'to: nowhere, intent: acknowledge');
    const file = join(dir, 'wrong-change.yaml');
    writeFileSync(file, broken);
    const r = roleplay(['validate', file]);
    expect(r.code).toBe(1);
    const line = broken.split('\n').findIndex((l) => l.includes('difficulty: trivial')) + 1;
    expect(r.stdout + r.stderr).toMatch(new RegExp(`wrong-change\\.yaml:${line}:\\d+`));
    expect(r.stdout + r.stderr).toMatch(/difficulty/);
    noStack(r.stdout + r.stderr);
  });

  it('reports malformed YAML with a position', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: [unclosed\ntitle: {zh-CN: x\n');
    const r = roleplay(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    noStack(r.stdout + r.stderr);
  });

  it('rejects an unknown option with exit 2', () => {
    expect(roleplay(['validate', '--bogus']).code).toBe(2);
  });
});

describe('roleplay list', () => {
  it('lists every scenario of the library with its locales', () => {
    const r = roleplay(['list']);
    expect(r.code).toBe(0);
    const ids = readdirSync(join(root, 'scenarios', 'library'))
      .filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('zh-CN');
  });
});

describe('roleplay play with bad input', () => {
  const last = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!) as { type: string; outcome: string; turns: number };

  it('an unknown scenario id is a clear error', () => {
    const r = roleplay(['play', 'no-such-scenario', '--no-pacing', '--json']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no-such-scenario');
    noStack(r.stderr);
  });

  it('input that ends early ends abandoned, and empty lines are skipped', () => {
    const r = roleplay(['play', 'wrong-change', '--no-pacing', '--json'], '\n\n   \n');
    expect(r.code).toBe(0);
    expect(last(r.stdout)).toMatchObject({ type: 'end', outcome: 'abandoned', turns: 0 });
  });

  it('a 20,000-character reply is clipped with a note, binary garbage does not crash', () => {
    const garbage = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b, 0x7f, 10]).toString('latin1');
    const r = roleplay(['play', 'wrong-change', '--no-pacing', '--json'], `${'好'.repeat(20_000)}\n${garbage}\n`);
    expect(r.code).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.some((e) => e.type === 'findings' && e.clipped === true)).toBe(true);
    expect(last(r.stdout).type).toBe('end');
    noStack(r.stderr);
  });

  it('traditional Chinese input plays the zh-CN scenario', () => {
    const r = roleplay(
      ['play', 'wrong-change', '--locale', 'zh-TW', '--no-pacing', '--json'],
      '您先別著急，慢慢說\n我幫您核對一下小票，清點錢箱\n這五十元退給您\n',
    );
    expect(last(r.stdout)).toMatchObject({ type: 'end', outcome: 'resolved' });
  });

  it('an unknown option exits 2', () => {
    expect(roleplay(['play', 'wrong-change', '--fast']).code).toBe(2);
  });
});
