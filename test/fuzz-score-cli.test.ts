// Fuzz of `roleplay score`: random and adversarial lines give exactly one output
// line per input line, and the exit code is 2 when any line was bad, 0 otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LINES = 3_000;

const goodLine = fc
  .record({
    id: fc.nat().map((n) => `r${n}`),
    locale: fc.constantFrom('zh-CN', 'zh-TW', 'en'),
    reply: fc.string({ unit: 'grapheme', maxLength: 120 }).map((s) => `好的 ${s}`),
  })
  .map((o) => JSON.stringify(o));
const badLine = fc.oneof(
  fc.constantFrom(
    '{',
    '[]',
    'null',
    '42',
    '"text"',
    '{"reply":5}',
    '{"locale":"xx","reply":"hi"}',
    '{"id":{},"reply":"hi"}',
    '\u0000\u0001',
    '{"reply":"\\ud800"}',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((s) => !/[\n\r\u2028\u2029]/.test(s) && s.trim() !== ''),
);

function run(lines: string[]): { out: string[]; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-score-'));
  try {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = spawnSync(process.execPath, ['bin/roleplay.js', 'score', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { out: r.stdout.split('\n').filter((l) => l !== ''), status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('roleplay score fuzz', () => {
  it(`gives one output line per input line over ${LINES} good lines, exit 0`, () => {
    const lines = fc.sample(goodLine, { numRuns: LINES, seed: 8 });
    const r = run(lines);
    expect(r.out).toHaveLength(LINES);
    expect(r.status).toBe(0);
  }, 120_000);

  it(`gives one output line per input line over ${LINES} mixed good and adversarial lines, exit 2`, () => {
    const lines = fc.sample(fc.oneof(goodLine, badLine), { numRuns: LINES, seed: 9 });
    lines.push('{');
    const r = run(lines);
    expect(r.out).toHaveLength(lines.length);
    expect(r.status).toBe(2);
  }, 120_000);
});
