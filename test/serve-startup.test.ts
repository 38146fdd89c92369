// What `roleplay serve` says when it starts: the truth about who can call it, and no
// deprecation noise from restify's dependencies.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

async function startOutput(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'serve-startup-'));
  const child = spawn(process.execPath, ['bin/roleplay.js', 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', MicrosoftAppId: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += String(d);
      if (stdout.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${String(code)}): ${stderr}`)));
  });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  return { stdout, stderr };
}

describe('roleplay serve start-up', () => {
  it('on loopback without an app id says local callers only, with no DEP0111 warning', { timeout: 60_000 }, async () => {
    const { stdout, stderr } = await startOutput({ HOST: '127.0.0.1' });
    expect(stdout).toContain('local callers only');
    expect(stderr).not.toContain('DEP0111');
  });

  it('public without an app id warns that it is public without authentication', { timeout: 60_000 }, async () => {
    const { stdout } = await startOutput({ HOST: '0.0.0.0', ALLOW_PUBLIC: 'true' });
    expect(stdout).not.toContain('local callers only');
    expect(stdout).toMatch(/WARNING.*public without authentication/);
  });
});
