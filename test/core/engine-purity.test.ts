// The engine never changes a session it is given: every call returns a new session and leaves
// the old one as it was. The bot relies on it (bot/conversation/session-delta.ts): a value the new
// session shares with the old one, the very same object, is taken as unchanged. Here the session
// going into every call is frozen all the way down (changing it throws in a module), over whole
// natural sessions of every scenario, paced and not, in practice and exam, to the score card.
import { describe, expect, it } from 'vitest';
import {
  endSession,
  loadLibrary,
  NO_PACING,
  replyToSession,
  scoreCard,
  startSession,
  type SessionStateJson,
} from '../../scenarios/index.ts';
import type { InputLocale } from '../../evaluators/index.ts';
import { readCorpus, type NaturalSession } from '../understanding/harness.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// Said first in every session, so that each one also remembers an over-promise and brings it back later.
const OVER_PROMISE: Record<InputLocale, string> = {
  'zh-CN': '我保证百分之百今天给您解决好。',
  'zh-TW': '我保證百分之百今天幫您解決好。',
  en: "I guarantee it'll be 100% sorted today.",
};
const PACED = { enabled: true, msPerChar: 60, minPauseMs: 400, maxPauseMs: 2500 };
const library = loadLibrary();
const sessions = readCorpus<NaturalSession>('sessions');
// One good and one poor session per scenario and locale keeps the run short and covers both ways a session goes.
const picked = [...new Map(sessions.map((s) => [`${s.scenario} ${s.locale} ${s.expect === 'resolved'}`, s])).values()];

describe('the engine leaves the session it is given unchanged', () => {
  it('has sessions of every scenario to play', () => {
    expect(new Set(picked.map((s) => s.scenario)).size).toBe(library.scenarios.size);
  });

  for (const s of picked)
    it(`${s.id}`, () => {
      const scenario = library.scenarios.get(s.scenario)!;
      let interrupted = 0;
      let promised = 0;
      for (const [mode, pacing] of [
        ['practice', false],
        ['exam', true],
      ] as const) {
        let { session } = startSession(scenario, { locale: s.locale, seed: 3, now: 0, mode, pacing: pacing ? PACED : NO_PACING });
        let now = 0;
        for (const [i, reply] of [OVER_PROMISE[s.locale], ...s.replies].entries()) {
          // Paced, every other reply comes while the customer is still speaking.
          now += pacing && i % 2 === 0 ? 1 : 60_000;
          const before = JSON.stringify(session);
          if (now < session.speakingUntil) interrupted++;
          const result = replyToSession(scenario, deepFreeze(session), reply, now);
          expect(JSON.stringify(session)).toBe(before);
          expect(result.session).not.toBe(session);
          session = result.session;
          promised = Math.max(promised, (session.promises as unknown[]).length);
          if (session.ended) break;
        }
        const frozen: SessionStateJson = deepFreeze(session);
        scoreCard(scenario, frozen);
        if (!frozen.ended) expect(endSession(scenario, frozen, now + 60_000, 'abandoned').session.ended).toBeDefined();
      }
      expect(interrupted).toBeGreaterThan(0);
      expect(promised).toBeGreaterThan(0);
    });
});
