// What `roleplay validate` catches beyond the schema, on edited copies of a shipped scenario.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphProblems, MIN_VARIANTS } from './checks.ts';
import { LIBRARY_DIR, loadLibrary, loadScenarioFile, scenarioFiles } from './load.ts';
import type { Scenario, State } from './model.ts';

const original = loadLibrary().scenarios.get('wrong-change') as Scenario;
const copy = (): Scenario => structuredClone(original);
const messages = (s: Scenario) => graphProblems(s).map((p) => p.message);

/**
 * Every shipped scenario, each file loaded on its own and loading clean: the library leaves out
 * a scenario with a problem, so iterating the library would not see one.
 */
function shipped(): Scenario[] {
  const { files } = scenarioFiles([LIBRARY_DIR]);
  expect(files.length).toBeGreaterThanOrEqual(8);
  return files.map((file) => {
    const loaded = loadScenarioFile(file);
    expect(loaded.errors, file).toEqual([]);
    return loaded.scenario!;
  });
}

describe('scenario checks', () => {
  it('a shipped scenario has no problems', () => {
    expect(graphProblems(copy())).toEqual([]);
  });

  it('no shipped scenario has a problem, with their own yes/no promises and unless intents', () => {
    for (const scenario of shipped()) expect(graphProblems(scenario), scenario.id).toEqual([]);
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
    const at = graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(at).toContain('evaluation.forbiddenPromises.0.fact: refers to fact "no-such-fact", which is not defined under facts');
    expect(at).toContain(`states.0.transitions.${s.states[0]!.transitions.length - 1}.to: goes to state "nowhere", which is not defined`);
  });

  it('finds unreachable states, dead ends and duplicate ids', () => {
    const s = copy();
    s.states.push({ id: 'island', lines: s.states[0]!.lines, transitions: [] });
    s.facts.push({ ...s.facts[0]! });
    const found = messages(s);
    expect(found).toContain('state "island" cannot be reached from the start state');
    expect(found).toContain('state "island" has no way to any ending');
    const island = `states.${s.states.length - 1}.id`;
    expect(
      graphProblems(s)
        .filter((p) => p.path.join('.') === island)
        .map((p) => p.message),
    ).toEqual(['state "island" cannot be reached from the start state', 'state "island" has no way to any ending']);
    expect(found).toContain(`duplicate fact id "${s.facts[0]!.id}"`);
    expect(graphProblems(s).find((p) => p.message === `duplicate fact id "${s.facts[0]!.id}"`)?.path).toEqual([
      'facts',
      s.facts.length - 1,
      'id',
    ]);
  });

  it('refuses a value naming two facts, a one-character Chinese value and values on a fact never asked', () => {
    const s = copy();
    const [bought, regular] = ['bought', 'regular'].map((id) => s.facts.find((f) => f.id === id)!);
    bought!.values = { 'zh-CN': ['鸡蛋'], en: ['Eggs'] };
    // The same value however it is written: case in English, traditional characters in Chinese.
    regular!.values = { 'zh-CN': ['雞蛋', '米'], en: ['eggs'] };
    s.facts.push({ id: 'told-nobody', text: s.facts[0]!.text, values: { en: ['secret'] } });
    const found = graphProblems(s);
    const at = (message: string) => found.filter((p) => p.message === message).map((p) => p.path.join('.'));
    const regularAt = s.facts.indexOf(regular!);
    expect(at('value "雞蛋" also names fact "bought"')).toEqual([`facts.${regularAt}.values.zh-CN.0`]);
    expect(at('value "eggs" also names fact "bought"')).toEqual([`facts.${regularAt}.values.en.0`]);
    expect(at('value "米" is one character: it would be found inside other words')).toEqual([`facts.${regularAt}.values.zh-CN.1`]);
    expect(at('fact "told-nobody" has values but the customer is never asked it (asks, answers)')).toEqual([
      `facts.${s.facts.length - 1}.values`,
    ]);
    expect(found).toHaveLength(4);
    // A fact asked about but never answered has no use for values either; an English value may be one character.
    const t = copy();
    t.facts.push({ id: 'asked-only', text: t.facts[0]!.text, asks: [{ any: ['pay'] }], values: { en: ['6'] } });
    const messages = graphProblems(t).map((p) => p.message);
    expect(messages).toContain('fact "asked-only" has values but the customer is never asked it (asks, answers)');
    expect(messages.some((m) => m.includes('one character'))).toBe(false);
  });

  it('names an unknown concept per locale, an unknown act and a pattern that can never match, at the pattern', () => {
    const s = copy();
    s.intents[0]!.patterns.push({ any: ['no-such-concept'], acts: ['shouting' as never] });
    s.facts.find((f) => f.asks?.length)!.asks!.push({ all: ['check'], none: ['check'] });
    // A locale the rules do not cover is the schema's to refuse; its concepts are not looked up.
    s.locales = [...s.locales, 'xx' as never];
    const found = graphProblems(s);
    const intentAt = `intents.0.patterns.${s.intents[0]!.patterns.length - 1}`;
    const at = (message: string) => found.filter((p) => p.message === message).map((p) => p.path.join('.'));
    expect(at('unknown concept "no-such-concept" in zh-CN (see evaluators/lexicons/zh-CN/concepts/)')).toEqual([intentAt]);
    expect(at('unknown concept "no-such-concept" in en (see evaluators/lexicons/en/concepts/)')).toEqual([intentAt]);
    expect(at('unknown act "shouting"')).toEqual([intentAt]);
    const asked = s.facts.findIndex((f) => f.asks?.length);
    expect(
      found
        .filter((p) => p.message.startsWith('pattern can never match: requires and forbids the concept "check"'))
        .map((p) => p.path.join('.')),
    ).toEqual([`facts.${asked}.asks.${s.facts[asked]!.asks!.length - 1}`]);
    expect(found.some((p) => p.message.startsWith('unknown concept') && p.message.includes(' in xx '))).toBe(false);
    expect(found.map((p) => p.message)).not.toContain('no solution terms in xx');
  });

  it('names every other problem at its own field', () => {
    const s = copy();
    const [first, second] = s.states as [State, State];
    const intent = s.intents[0]!;
    const promise = s.evaluation.forbiddenPromises![0]!;
    s.states.push({ ...second });
    s.intents.push({ ...intent });
    intent.examples = { ...intent.examples, en: ['Lovely weather today.'] };
    s.facts.push({ id: 'asked-only', text: s.facts[0]!.text, asks: [{ any: ['pay'] }] });
    s.facts.push({ id: 'told-only', text: s.facts[0]!.text, answers: s.facts.find((f) => f.answers?.length)!.answers });
    first.yesMeans = 'no-such-promise';
    first.transitions.push({ to: second.id, intent: ['ghost-intent'], unless: ['ghost-unless'] });
    s.evaluation.forbiddenPromises!.push({ ...promise, patterns: { 'zh-CN': promise.patterns['zh-CN'], en: [] } });
    s.evaluation.forbiddenPromises!.push({ ...promise, id: 'risky', patterns: { ...promise.patterns, en: ['re:(a+)+$'] } });
    s.evaluation.solutionTerms = { ...s.evaluation.solutionTerms, en: [] };
    s.keyMoments!.push({ ...s.keyMoments![0]!, id: 'worded', when: { words: { 'zh-CN': ['找错'] } } });
    const n = (list: unknown[]) => list.length - 1;
    const promises = s.evaluation.forbiddenPromises!;
    const risky = graphProblems(s).find((p) => p.path.join('.') === `evaluation.forbiddenPromises.${n(promises)}.patterns.en.0`);
    expect(risky?.message).toMatch(/^pattern \/\(a\+\)\+\$\/ \S/);
    expect(graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        `states.${n(s.states)}.id: duplicate state id "${second.id}"`,
        `intents.${n(s.intents)}.id: duplicate intent id "${intent.id}"`,
        `intents.0.examples.en.0: intent "${intent.id}" does not match its own example "Lovely weather today."`,
        `facts.${n(s.facts) - 1}: fact "asked-only" can be asked about but has no answers`,
        `facts.${n(s.facts)}: fact "told-only" has answers but no question asks for it (asks)`,
        'states.0.yesMeans: "no-such-promise" is not a forbidden promise under evaluation.forbiddenPromises',
        `states.0.transitions.${n(first.transitions)}.intent: intent "ghost-intent" is not defined under intents`,
        `states.0.transitions.${n(first.transitions)}.unless: intent "ghost-unless" is not defined under intents`,
        `evaluation.forbiddenPromises.${n(promises) - 1}.id: duplicate promise id "${promise.id}"`,
        `evaluation.forbiddenPromises.${n(promises) - 1}.patterns: no patterns in en`,
        'evaluation.solutionTerms: no solution terms in en',
        `keyMoments.${n(s.keyMoments!)}.when.words: no words in en`,
      ]),
    );
    // One problem each: nothing else is reported twice or about the Chinese side.
    expect(messages(s).filter((m) => m.includes('zh-CN') && !m.includes('concept'))).toEqual([]);
    expect(messages(s).filter((m) => m.startsWith('duplicate'))).toHaveLength(3);
  });

  it('an intent without examples in a locale has nothing to match there', () => {
    const s = copy();
    for (const intent of s.intents) delete intent.examples;
    expect(graphProblems(s)).toEqual([]);
  });

  it('a start state that is not defined is named once, without calling every state unreachable', () => {
    const s = copy();
    s.start = 'nowhere';
    expect(graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      'start: start state "nowhere" is not defined under states',
    ]);
  });

  it('a scenario that can never end resolved says so', () => {
    const s = copy();
    for (const st of s.states) for (const t of st.transitions) if (t.to === 'end:resolved') t.to = 'end:escalated';
    expect(graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(['states: no state leads to end:resolved']);
  });

  it('two states that only lead to each other have no way to an ending, though each has a way out', () => {
    const s = copy();
    const { lines, again, waiting } = s.states[0]!;
    s.states[0]!.transitions.push({ to: 'loop-a', intent: s.intents[0]!.id });
    s.states.push(
      { id: 'loop-a', lines, again, waiting, transitions: [{ to: 'loop-b' }] },
      { id: 'loop-b', lines, again, waiting, transitions: [{ to: 'loop-a' }] },
    );
    expect(messages(s)).toEqual(['state "loop-a" has no way to any ending', 'state "loop-b" has no way to any ending']);
  });

  it('a literal promise pattern is words, not a regular expression: only a re: pattern is checked for safety', () => {
    const s = copy();
    const promise = s.evaluation.forbiddenPromises![0]!;
    promise.patterns = { ...promise.patterns, en: ['(a+)+$'] };
    expect(graphProblems(s)).toEqual([]);
  });

  it('finds locales that drift apart in the number of parts of a line', () => {
    const s = copy();
    s.states[0]!.lines[0]!.en = ['Only one part.'];
    const zh = s.states[0]!.lines[0]!['zh-CN']!.length;
    expect(graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      `states.0.lines.0: the locales differ in number of parts (zh-CN: ${zh}, en: 1)`,
    ]);
  });

  it('a line with no words at all in a locale differs from the others, and is no variant there', () => {
    const s = copy();
    const [first, second] = s.states as [State, State];
    const zh = second.lines[0]!['zh-CN']!.length;
    Reflect.deleteProperty(second.lines[0]!, 'en');
    // A variant with words in one part and a blank one still counts.
    first.lines[1]!.en = [' ', 'Words in the second part.'];
    const found = graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`);
    expect(found).toContain(`states.1.lines.0: the locales differ in number of parts (zh-CN: ${zh}, en: 0)`);
    expect(found.filter((m) => m.includes(`"${first.id}" has`))).toEqual([]);
    expect(found).toContain(
      `states.1.lines: state "${second.id}" has ${second.lines.length - 1} lines variant(s) in en; at least 3 are needed so the customer does not repeat himself`,
    );
    first.lines[2]!.en = first.lines[2]!.en!.map(() => ' ');
    expect(messages(s)).toContain(
      `state "${first.id}" has ${first.lines.length - 1} lines variant(s) in en; at least 3 are needed so the customer does not repeat himself`,
    );
  });

  it('names the line whose locales differ in parts, wherever it stands', () => {
    const s = copy();
    const one = (v: { en?: string[] }) => (v.en = ['Only one part.', 'And another.', 'And a third.']);
    one(s.states[0]!.again![0]!);
    one(s.states[0]!.waiting![0]!);
    const answered = s.facts.findIndex((f) => f.answers?.length);
    one(s.facts[answered]!.answers![0]!);
    const [outcome, ending] = Object.entries(s.endings).find(([, e]) => e.causes && Object.keys(e.causes).length)!;
    const cause = Object.keys(ending.causes!)[0] as keyof typeof ending.causes;
    one(ending.causes![cause!]![0]!);
    one(s.endings.resolved.lines[0]!);
    const kind = Object.keys(s.reactions!)[0]!;
    one(s.reactions![kind as keyof typeof s.reactions]![0]!);
    const paths = graphProblems(s)
      .filter((p) => p.message.startsWith('the locales differ in number of parts'))
      .map((p) => p.path.join('.'));
    expect(paths.sort()).toEqual(
      [
        'states.0.again.0',
        'states.0.waiting.0',
        `facts.${answered}.answers.0`,
        `endings.${outcome}.causes.${cause}.0`,
        'endings.resolved.lines.0',
        `reactions.${kind}.0`,
      ].sort(),
    );
  });

  it('finds key moments that name an unknown state or intent, and duplicate moment ids', () => {
    const s = copy();
    const first = s.keyMoments![0]!;
    s.keyMoments!.push({ ...first, when: { state: [first.when.state![0]!, 'nowhere'], intent: ['no-such-intent'] } });
    const at = s.keyMoments!.length - 1;
    expect(
      graphProblems(s)
        .filter((p) => p.path[0] === 'keyMoments')
        .map((p) => `${p.path.join('.')}: ${p.message}`),
    ).toEqual([
      `keyMoments.${at}.id: duplicate key moment id "${first.id}"`,
      `keyMoments.${at}.when.state.1: state "nowhere" is not defined under states`,
      `keyMoments.${at}.when.intent.0: intent "no-such-intent" is not defined under intents`,
    ]);
  });

  it('a transition’s single intent, written without a list, is checked as a list of one is', () => {
    const s = copy();
    s.states[0]!.transitions.push({ to: s.states[1]!.id, intent: 'ghost-intent' });
    expect(graphProblems(s).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      `states.0.transitions.${s.states[0]!.transitions.length - 1}.intent: intent "ghost-intent" is not defined under intents`,
    ]);
  });

  it('names a key moment before or after that is no intent, at its own field', () => {
    const s = copy();
    const first = s.keyMoments![0]!;
    s.keyMoments!.push({ ...first, id: 'ordered', when: {}, before: 'nothing-before', after: 'nothing-after' });
    const at = s.keyMoments!.length - 1;
    const paths = graphProblems(s)
      .filter((p) => p.path[0] === 'keyMoments' && p.path[1] === at)
      .map((p) => `${p.path.slice(2).join('.')}: ${p.message}`);
    expect(paths).toEqual([
      'before: intent "nothing-before" is not defined under intents',
      'after: intent "nothing-after" is not defined under intents',
    ]);
  });

  it('every shipped scenario briefs the trainee in both languages and declares its key moments', () => {
    for (const scenario of shipped()) {
      for (const part of ['role', 'situation', 'goal'] as const)
        for (const locale of ['zh-CN', 'en'] as const)
          expect(scenario.briefing?.[part][locale], `${scenario.id} ${part} ${locale}`).toBeTruthy();
      expect(scenario.keyMoments?.length ?? 0, scenario.id).toBeGreaterThanOrEqual(4);
      for (const k of scenario.keyMoments ?? []) expect(k.example['zh-CN'] && k.example.en, `${scenario.id} ${k.id}`).toBeTruthy();
    }
  });

  it('refuses a state whose lines, again or waiting lines have fewer than three variants in a locale', () => {
    const s = copy();
    const first = s.states[0]!;
    first.again = first.again!.slice(0, MIN_VARIANTS - 1);
    first.waiting = first.waiting!.map((v, i) => (i === 0 ? { ...v, en: [' '] } : v)).slice(0, MIN_VARIANTS);
    delete s.states[1]!.waiting;
    const found = messages(s);
    expect(found).toContain(
      `state "${first.id}" has 2 again variant(s) in zh-CN; at least 3 are needed so the customer does not repeat himself`,
    );
    expect(found).toContain(
      `state "${first.id}" has 2 waiting variant(s) in en; at least 3 are needed so the customer does not repeat himself`,
    );
    expect(found).not.toContain(
      `state "${first.id}" has 2 waiting variant(s) in zh-CN; at least 3 are needed so the customer does not repeat himself`,
    );
    expect(found).toContain(
      `state "${s.states[1]!.id}" has 0 waiting variant(s) in en; at least 3 are needed so the customer does not repeat himself`,
    );
  });

  it('names the file and line of a state with too few variants', () => {
    const dir = mkdtempSync(join(tmpdir(), 'variants-'));
    try {
      const source = readFileSync(join(LIBRARY_DIR, 'new-phone-fails.yaml'), 'utf8');
      // Drop the furious and calm complaint lines: two variants are left.
      const cut = source.replace(/\n {6}- mood: furious\n {8}zh-CN: \[你们卖的[^\n]*\n[^\n]*\n {6}- mood: calm\n[^\n]*\n[^\n]*/, '');
      expect(cut).not.toBe(source);
      const file = join(dir, 'new-phone-fails.yaml');
      writeFileSync(file, cut);
      const { errors, scenario } = loadScenarioFile(file, dir);
      expect(scenario).toBeUndefined();
      const line = cut.split('\n').findIndex((l) => l.startsWith('  - id: complaint')) + 2;
      expect(errors.map((e) => `${e.file}:${e.line} ${e.path}`)).toContain(`new-phone-fails.yaml:${line + 1} states[0].lines`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every shipped state has at least three variants of each of its lists in both locales', () => {
    for (const scenario of shipped())
      for (const st of scenario.states)
        for (const key of ['lines', 'again', 'waiting'] as const)
          for (const locale of ['zh-CN', 'en'] as const)
            expect(
              (st[key] ?? []).filter((v) => v[locale]?.length).length,
              `${scenario.id} ${st.id} ${key} ${locale}`,
            ).toBeGreaterThanOrEqual(MIN_VARIANTS);
  });
});
