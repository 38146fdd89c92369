// `roleplay … | head` closes the pipe early; the CLI stops quietly instead of printing a stack trace.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function piped(command: string): { stdout: string; stderr: string; status: number | null } {
  // The command's stderr is the shell's, so it is captured apart from what reaches `head`.
  const r = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('roleplay output into a pipe that closes early', () => {
  for (const [name, command] of [
    ['validate | head -c5', 'node bin/roleplay.js validate scenarios | head -c5'],
    ['list | head -1', 'node bin/roleplay.js list | head -1'],
    ['play | head -1', 'printf "您好\\n" | node bin/roleplay.js play wrong-change --no-pacing | head -1'],
  ] as const) {
    it(`${name} prints no stack trace`, () => {
      const r = piped(command);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled 'error' event|at .*\(/);
    });
  }
});
