// A session rebuilt from its delta is the session the engine thread made: same values, same key
// order (so it is stored as the same text), whatever changed, was added or went away.
import { describe, expect, it } from 'vitest';
import { applySessionDelta, sessionDelta } from './session-delta.ts';

/** The delta crosses to the bot's thread as a copy, as postMessage makes it. */
function roundTrip(before: object, after: object): object {
  const delta = structuredClone(sessionDelta(before, after));
  return applySessionDelta(structuredClone(before), delta);
}

const entry = (turn: number) => ({ turn, reply: `reply ${turn}`, scores: { empathy: 80 } });

describe('a session sent back as what changed', () => {
  const before = { v: 2, state: 'complaint', turns: 2, used: { a: 1 }, log: [entry(1), entry(2)], pacing: { enabled: false } };

  it('carries only the new log entries and the values that are not the very same', () => {
    const after = { ...before, state: 'listening', turns: 3, log: [...before.log, entry(3)] };
    const delta = sessionDelta(before, after);
    expect(delta.changed).toEqual({ state: 'listening', turns: 3 });
    expect(delta.logKept).toBe(2);
    expect(delta.logAdded).toEqual([entry(3)]);
    expect(JSON.stringify(roundTrip(before, after))).toBe(JSON.stringify(after));
  });

  it('keeps the new key order, drops what went away and adds what is new', () => {
    const { used: _gone, ...rest } = before;
    const after = { ended: { outcome: 'resolved', at: 9 }, ...rest, turns: 3 };
    const rebuilt = roundTrip(before, after);
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(after));
    expect(rebuilt).not.toHaveProperty('used');
  });

  it('sends a log entry that was replaced, and a log that was cut short', () => {
    const replaced = { ...before, log: [before.log[0]!, { ...entry(2), reply: 'changed' }] };
    expect(sessionDelta(before, replaced).logKept).toBe(1);
    expect(roundTrip(before, replaced)).toEqual(replaced);
    const shorter = { ...before, log: [before.log[0]!] };
    expect(roundTrip(before, shorter)).toEqual(shorter);
  });

  it('sends a log whole when the session before had none, and a value that became undefined', () => {
    const { log: _log, ...noLog } = before;
    const after = { ...before, pacing: undefined };
    expect(roundTrip(noLog, after)).toEqual(after);
    expect(Object.keys(roundTrip(noLog, after))).toEqual(Object.keys(after));
  });
});
