// Every shipped scenario: a good trainee script ends resolved and a rude one
// escalated, in zh-CN, en and zh-TW (traditional input scored with the zh-CN
// rules), replayed through the engine. cli.test.ts replays the same files
// through `roleplay play --json`.
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, sessionOutcome, startSession } from '../../scenarios/index.ts';
import type { SessionStateJson } from '../../scenarios/index.ts';
import { fixtures } from './fixtures.ts';

const library = loadLibrary();

describe('transcript fixtures', () => {
  it('the library loads without errors', () => {
    expect(library.errors).toEqual([]);
  });

  it('every scenario has a path to resolved and one to escalated in zh-CN, en and zh-TW', () => {
    const missing: string[] = [];
    for (const id of library.scenarios.keys()) {
      for (const locale of ['zh-CN', 'en', 'zh-TW']) {
        for (const outcome of ['resolved', 'escalated']) {
          if (!fixtures.some(({ t }) => t.scenario === id && t.locale === locale && t.expect === outcome))
            missing.push(`${id} ${locale} → ${outcome}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  for (const { file, t } of fixtures) {
    it(`${file} ends ${t.expect}${t.through ? ` through ${t.through.join(', ')}` : ''}`, () => {
      const scenario = library.scenarios.get(t.scenario);
      expect(scenario, `scenario ${t.scenario}`).toBeDefined();
      if (!scenario) return;
      let { session } = startSession(scenario, { locale: t.locale, seed: t.seed ?? 1, now: 0 });
      const visited: string[] = [String(session.state)];
      const trail: string[] = [];
      for (const [i, reply] of t.replies.entries()) {
        if (session.ended) break;
        const result = replyToSession(scenario, session, reply, 1000 * (i + 1));
        session = result.session as SessionStateJson;
        visited.push(String(session.state));
        trail.push(`${reply} → ${String(session.state)} anger ${session.anger}`);
      }
      expect(sessionOutcome(session), trail.join('\n')).toBe(t.expect);
      if (t.through) {
        let at = 0;
        for (const state of visited) if (state === t.through[at]) at++;
        expect(at, `visits ${t.through.join(' → ')} in order\n${trail.join('\n')}`).toBe(t.through.length);
      }
    });
  }
});
