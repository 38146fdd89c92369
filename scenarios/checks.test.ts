// What `roleplay validate` catches beyond the schema, on edited copies of a shipped scenario.
import { describe, expect, it } from 'vitest';
import { graphProblems } from './checks.ts';
import { loadLibrary } from './load.ts';
import type { Scenario } from './model.ts';

const original = loadLibrary().scenarios.get('wrong-change') as Scenario;
const copy = (): Scenario => structuredClone(original);
const messages = (s: Scenario) => graphProblems(s).map((p) => p.message);

describe('scenario checks', () => {
  it('a shipped scenario has no problems', () => {
    expect(graphProblems(copy())).toEqual([]);
  });

  it('finds a transition to an unknown state and an undefined fact', () => {
    const s = copy();
    s.states[0]!.transitions.push({ to: 'nowhere' });
    s.evaluation.forbiddenPromises![0]!.fact = 'no-such-fact';
    expect(messages(s)).toEqual(
      expect.arrayContaining([
        'goes to state "nowhere", which is not defined',
        'refers to fact "no-such-fact", which is not defined under facts',
      ]),
    );
  });

  it('finds unreachable states, dead ends and duplicate ids', () => {
    const s = copy();
    s.states.push({ id: 'island', lines: s.states[0]!.lines, transitions: [] });
    s.facts.push({ ...s.facts[0]! });
    const found = messages(s);
    expect(found).toContain('state "island" cannot be reached from the start state');
    expect(found).toContain('state "island" has no way to any ending');
    expect(found).toContain(`duplicate fact id "${s.facts[0]!.id}"`);
  });

  it('finds locales that drift apart in the number of parts of a line', () => {
    const s = copy();
    s.states[0]!.lines[0]!.en = ['Only one part.'];
    expect(graphProblems(s).some((p) => p.message.startsWith('the locales differ in number of parts'))).toBe(true);
  });
});
