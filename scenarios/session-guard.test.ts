// Stored sessions come back from the bot's storage: a wrong scenario or an unknown format is a clear error.
import { expect, it } from 'vitest';
import { loadLibrary, replyToSession, startSession } from './index.ts';

const { scenarios } = loadLibrary();
const wrongChange = scenarios.get('wrong-change')!;
const contractor = scenarios.get('angry-contractor')!;

it('refuses a session of another scenario or an unknown version, in plain words', () => {
  const { session } = startSession(wrongChange, { locale: 'en', seed: 3, now: 0 });
  expect(() => replyToSession(contractor, session, 'Hello', 10)).toThrow(
    'session belongs to scenario "wrong-change", not "angry-contractor"',
  );
  expect(() => replyToSession(wrongChange, { ...session, v: 99 }, 'Hello', 10)).toThrow(/format v99 is not supported/);
});

it('a finished session takes no more turns and says nothing', () => {
  let { session } = startSession(wrongChange, { locale: 'en', seed: 3, now: 0 });
  for (const reply of ['You must have counted wrong, the machine never makes mistakes.', 'Not my problem. Whatever.'])
    session = replyToSession(wrongChange, session, reply, 10).session;
  expect(session.ended?.outcome).toBe('escalated');
  const after = replyToSession(wrongChange, session, 'Sorry, let me check the till.', 20);
  expect(after.output.lines).toEqual([]);
  expect(after.session.turns).toBe(session.turns);
});
