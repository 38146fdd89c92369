// The quick benchmark mode runs end to end and prints figures; no thresholds here
// (a shared CI machine's speed says nothing about the product).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

describe('npm run bench -- --quick', () => {
  it('prints a number for scoring, latency, start-up and bot turns against the echo bot', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'], {
      cwd: ROOT,
      encoding: 'utf8',
      // Only a hang should fail here, not a machine slowed by other work (the figures go to docs/benchmarks.md).
      timeout: 300_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/score: identity pipeline .*\d+ \/s/);
    expect(out).toMatch(/score: roleplay score end to end .*\d+ \/s/);
    expect(out).toMatch(/per-reply latency p50 \/ p99 .*\d+\.\d+ \/ \d+\.\d+ ms/);
    expect(out).toMatch(/turns: echo bot, \d+ conversations .*\d+ \/s/);
    expect(out).toMatch(/PostgreSQL|DATABASE_URL/);
  }, 310_000);
});
