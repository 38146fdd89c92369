// `roleplay score` runs in a child Node (started --single-threaded, see bin/roleplay.js).
// To its user it is still one command: same output, exit status, and a stop that leaves
// nothing running behind.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function children(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return r.stdout
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the roleplay score launcher', () => {
  it("scores from standard input and exits with the scorer's status", () => {
    const ok = spawnSync(process.execPath, ['bin/roleplay.js', 'score', '-'], {
      cwd: ROOT,
      input: '{"id":"r1","reply":"非常抱歉,我马上帮您核对"}\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout.trim().split('\n')[0]!)).toHaveProperty('scores');
    const bad = spawnSync(process.execPath, ['bin/roleplay.js', 'score', '/nonexistent/replies.jsonl'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/cannot read/);
  });

  it('passes SIGTERM on to the scorer and dies of it, leaving no process behind', async () => {
    const launcher = spawn(process.execPath, ['bin/roleplay.js', 'score', '-'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    // Standard input stays open, so the scorer waits for more lines until it is stopped.
    let scorer = 0;
    for (let i = 0; i < 100 && !scorer; i++) {
      await new Promise((r) => setTimeout(r, 50));
      scorer = children(launcher.pid!)[0] ?? 0;
    }
    expect(scorer).toBeGreaterThan(0);
    expect(readFileSync(`/proc/${scorer}/cmdline`, 'utf8').split('\0')).toContain('--single-threaded');
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      launcher.on('exit', (code, signal) => resolve([code, signal])),
    );
    launcher.kill('SIGTERM');
    expect(await exit).toEqual([null, 'SIGTERM']);
    for (let i = 0; i < 50 && alive(scorer); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(scorer)).toBe(false);
  });
});
