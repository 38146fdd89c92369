// Engine properties: whatever the trainee types, in any order, every scenario
// stays in one of its own states, never throws on a running session, and a
// session survives JSON serialise → deserialise unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, startSession } from '../scenarios/index.ts';
import type { SessionStateJson } from '../scenarios/engine-types.ts';

const { scenarios } = loadLibrary();
const REPLIES = [
  '对不起,我马上帮您查。',
  '不可能',
  '我保证今天肯定好',
  'I am sorry, let me check now.',
  '',
  '   ',
  '😡😡',
  '\ud800',
  '好的'.repeat(1500),
];
const reply = fc.oneof(fc.constantFrom(...REPLIES), fc.string({ maxLength: 60 }));

describe('engine on random reply sequences', () => {
  it('stays in a known state, never throws, and round-trips through JSON', () => {
    const ids = [...scenarios.keys()];
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom('zh-CN', 'en', 'zh-TW'),
        fc.nat(1000),
        fc.array(reply, { maxLength: 12 }),
        (id, locale, seed, replies) => {
          const scenario = scenarios.get(id)!;
          let session: SessionStateJson = startSession(scenario, { locale: locale as 'zh-CN', seed, now: 0 }).session;
          let now = 0;
          for (const text of replies) {
            expect(JSON.parse(JSON.stringify(session))).toEqual(session);
            now += 60_000;
            const result = replyToSession(scenario, session, text, now);
            session = result.session;
            const state = (session as { state?: unknown }).state;
            expect(scenario.states.map((st) => st.id)).toContain(state);
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
