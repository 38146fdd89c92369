// Every shipped scenario, both locales: a good trainee script ends resolved and
// a rude one escalated — through the engine and through `roleplay play --json`.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, startSession } from '../../scenarios/index.ts';
import type { SessionStateJson } from '../../scenarios/index.ts';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/roleplay.js', import.meta.url));
const run = promisify(execFile);

interface Transcript {
  scenario: string;
  locale: 'zh-CN' | 'en' | 'zh-TW';
  seed?: number;
  replies: string[];
  expect: string;
}

const fixtures = readdirSync(HERE)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, t: parse(readFileSync(HERE + file, 'utf8')) as Transcript }));

const library = loadLibrary();

describe('transcript fixtures', () => {
  it('the library loads without errors', () => {
    expect(library.errors).toEqual([]);
  });

  it('every scenario has a path to resolved and one to escalated in zh-CN and en', () => {
    const missing: string[] = [];
    for (const id of library.scenarios.keys()) {
      for (const locale of ['zh-CN', 'en']) {
        for (const outcome of ['resolved', 'escalated']) {
          if (!fixtures.some(({ t }) => t.scenario === id && t.locale === locale && t.expect === outcome))
            missing.push(`${id} ${locale} → ${outcome}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  for (const { file, t } of fixtures) {
    it(`${file} ends ${t.expect} (engine)`, () => {
      const scenario = library.scenarios.get(t.scenario);
      expect(scenario, `scenario ${t.scenario}`).toBeDefined();
      if (!scenario) return;
      let { session } = startSession(scenario, { locale: t.locale, seed: t.seed ?? 1, now: 0 });
      const trail: string[] = [];
      for (const [i, reply] of t.replies.entries()) {
        if (session.ended) break;
        const result = replyToSession(scenario, session, reply, 1000 * (i + 1));
        session = result.session as SessionStateJson;
        trail.push(`${reply} → ${String(session.state)} anger ${session.anger}`);
      }
      expect(session.ended?.outcome, trail.join('\n')).toBe(t.expect);
      expect(JSON.stringify(session).length).toBeLessThan(16 * 1024);
    });

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
