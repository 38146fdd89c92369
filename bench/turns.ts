// Bot turn benchmark plumbing: the load generator (bench/drive.ts) runs in a child
// process; this side only starts it and reads its one line of JSON.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DriveOptions } from './drive.ts';

export interface TurnResult {
  turns: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  perSecond: number;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drives `conversations` concurrent conversations through /api/messages from a separate process. */
export async function driveTurns(options: DriveOptions): Promise<TurnResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/drive.ts', JSON.stringify(options)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = out.trim().split('\n').pop() ?? '';
  if (code !== 0 || !line.startsWith('{'))
    throw new Error(
      `load generator exited ${String(code)}: ${err
        .split('\n')
        .filter((l) => !/DeprecationWarning|trace-deprecation/.test(l))
        .join(' ')
        .slice(0, 300)}`,
    );
  return JSON.parse(line) as TurnResult;
}
