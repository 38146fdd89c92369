// A session stored by an earlier release (format v1: the turn log under one-letter
// keys and in tuples) continues and ends exactly as it would have before the upgrade.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endSession, loadLibrary, replyToSession, scoreCard, type SessionStateJson } from './index.ts';
import { readTurnLog } from './turn-log.ts';

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

describe('reading a stored turn log', () => {
  const scores = { interrupting: 100, empathy: 100, jargon: 100, promises: 100, problemSolving: 100 };
  const v1 = { c: 'You gave me the wrong change!', r: 'Sorry, let me count it.', s: scores, a: ['empathy'], d: ['empathy'] };
  // The turn a v1 entry with nothing but its words and scores reads as.
  const plain = { customer: 'Hello?', reply: 'Hi.', scores, applicable: [], detected: [], checks: [], findings: [], interrupted: false };

  it('a log that is not a list reads as no turns, and entries that are not objects are skipped', () => {
    expect(readTurnLog(undefined)).toEqual([]);
    expect(readTurnLog({ 0: v1 })).toEqual([]);
    expect(readTurnLog([null, 3, 'turn', v1])).toHaveLength(1);
  });

  it('a v1 turn reads into named fields: its checks, its findings tuple by tuple, whether it interrupted', () => {
    const [turn] = readTurnLog([
      {
        ...v1,
        x: [['addressing', true]],
        f: [
          ['jargon', 'term', 'HLR', 'Explain it.', 'Say "our system".'],
          ['jargon', 'short'],
          'not a tuple',
          ['empathy', 7, 'sorry', 'msg', null],
        ],
        i: true,
      },
    ]);
    expect(turn).toEqual({
      customer: v1.c,
      reply: v1.r,
      scores,
      applicable: ['empathy'],
      detected: ['empathy'],
      checks: [{ check: 'addressing', good: true }],
      findings: [
        { evaluator: 'jargon', rule: 'term', text: 'HLR', message: 'Explain it.', suggestion: 'Say "our system".' },
        { evaluator: 'empathy', rule: '', text: 'sorry', message: 'msg', suggestion: '' },
      ],
      interrupted: true,
    });
  });

  it('a v1 turn without checks, findings or lists has none; only a true interruption mark counts', () => {
    const [bare, marked] = readTurnLog([
      { c: 'Hello?', r: 'Hi.', s: scores, f: 'none', i: 1 },
      { c: 'Hello?', r: 'Hi.', s: scores, i: true },
    ]);
    expect(bare).toEqual(plain);
    expect(marked!.interrupted).toBe(true);
  });

  it('a turn in the current shape is read as it is, even one that also carries a one-letter key', () => {
    const current = { ...plain, r: 'old' };
    expect(readTurnLog([current, {}])).toEqual([current, {}]);
  });
});
