// Every transcript fixture replayed through `roleplay play --json`: the CLI ends
// where the engine does.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtures } from './fixtures.ts';

const BIN = fileURLToPath(new URL('../../bin/roleplay.js', import.meta.url));
const run = promisify(execFile);

describe('transcript fixtures through the CLI', () => {
  for (const { file, t } of fixtures) {
    it(`${file} ends ${t.expect} (roleplay play --json)`, async () => {
      const child = run(
        process.execPath,
        [BIN, 'play', t.scenario, '--locale', t.locale, '--seed', String(t.seed ?? 1), '--no-pacing', '--json'],
        { timeout: 60_000 },
      );
      child.child.stdin?.end(`${t.replies.join('\n')}\n`);
      const { stdout } = await child;
      const events = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; outcome?: string });
      const last = events.at(-1);
      expect(last?.type).toBe('end');
      expect(last?.outcome).toBe(t.expect);
    }, 60_000);
  }
});
