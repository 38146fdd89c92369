// A session stored by an earlier release (format v1: the turn log under one-letter
// keys and in tuples) continues and ends exactly as it would have before the upgrade.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { endSession, loadLibrary, replyToSession, scoreCard, type SessionStateJson } from './index.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../test/fixtures/sessions/${name}`, import.meta.url), 'utf8')) as unknown;
const stored = fixture('wrong-change.v1.json') as SessionStateJson;
const expected = fixture('wrong-change.v1.expected.json') as { lines: unknown; card: unknown };
const scenario = loadLibrary().scenarios.get('wrong-change')!;

it('a session stored in the v1 format gets the same next customer line and the same score card', () => {
  expect(stored.v).toBe(1);
  const next = replyToSession(scenario, stored, '确实少找了您二十元,这是给您的,给您添麻烦了', 4 * 60_000);
  expect(next.output.lines).toEqual(expected.lines);
  const ended = endSession(scenario, next.session, 5 * 60_000, 'abandoned');
  expect(scoreCard(scenario, ended.session)).toEqual(expected.card);
});

it('a v1 session is written back with named fields', () => {
  const next = replyToSession(scenario, stored, '好的,我这就帮您查', 4 * 60_000);
  const log = next.session.log as Record<string, unknown>[];
  expect(log).toHaveLength(4);
  const named = ['applicable', 'checks', 'customer', 'detected', 'findings', 'interrupted', 'reply', 'scores'];
  // A turn in the current format also keeps what the key moments read (state, intents), the credited
  // clauses, how the reply heard the customer out and what kind of reply it was.
  const optional = ['credited', 'intents', 'listening', 'reading', 'state'];
  for (const turn of log) {
    expect(
      Object.keys(turn)
        .filter((k) => !optional.includes(k))
        .sort(),
    ).toEqual(named);
    expect(Object.keys(turn).filter((k) => k.length <= 2)).toEqual([]);
  }
  expect(log[2]!.checks).toEqual([{ check: 'addressing', good: true }]);
  expect(log[0]!.findings).toHaveLength(2);
});

it('the score card of a stored v1 session that has ended reads its turns', () => {
  const ended = endSession(scenario, stored, 5 * 60_000, 'abandoned');
  const card = scoreCard(scenario, ended.session);
  expect(card.turns).toBe(3);
});
