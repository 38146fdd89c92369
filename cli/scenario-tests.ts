// Scenario tests: whole conversations kept beside each scenario (scenarios/library/<id>.tests.yaml)
// with the ending, and the key moments, each must lead to. `roleplay test [id]` and CI play them
// through the same engine the bot uses. Every problem names file:line.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { NO_PACING, endSession, replyToSession, startSession, type Scenario, type ValidationError } from '../scenarios/index.ts';
import type { InputLocale, SessionOutcome } from '../evaluators/index.ts';

export const TESTS_SUFFIX = '.tests.yaml';
const OUTCOMES: readonly SessionOutcome[] = ['resolved', 'escalated', 'abandoned', 'turn-limit'];
const LOCALES: readonly InputLocale[] = ['zh-CN', 'en', 'zh-TW'];

export interface ScenarioTest {
  name: string;
  locale: InputLocale;
  seed: number;
  replies: string[];
  expect: { ending: SessionOutcome; maxTurns?: number; moments?: { met?: string[]; missed?: string[] } };
  /** Where the test starts in its file, for messages. */
  file: string;
  line: number;
}

export interface TestsFile {
  scenarioId?: string;
  tests: ScenarioTest[];
  errors: ValidationError[];
}

/** The tests file beside a scenario file. */
export function testsFileOf(scenarioFile: string): string {
  return scenarioFile.replace(/\.ya?ml$/i, TESTS_SUFFIX);
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');

export function loadTestsFile(file: string, cwd = process.cwd()): TestsFile {
  const shown = relative(cwd, file) || file;
  if (!existsSync(file)) return { tests: [], errors: [] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter, uniqueKeys: true });
  const at = (node: Node | null | undefined) => lineCounter.linePos(node?.range?.[0] ?? 0);
  const error = (node: Node | null | undefined, path: string, message: string): ValidationError => {
    const pos = at(node);
    return { file: shown, line: pos.line, column: pos.col, path, message };
  };
  if (doc.errors.length) {
    return {
      tests: [],
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file: shown, line: pos.line, column: pos.col, path: '(yaml)', message: `not valid YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const data = doc.toJS() as { scenario?: unknown; tests?: unknown } | null;
  const errors: ValidationError[] = [];
  if (!data || typeof data.scenario !== 'string')
    errors.push(error(doc.contents, 'scenario', 'missing the scenario id ("scenario: <id>")'));
  const seq = isMap(doc.contents) ? doc.contents.get('tests', true) : undefined;
  if (!Array.isArray(data?.tests) || !isSeq(seq) || data.tests.length === 0) {
    errors.push(error(doc.contents, 'tests', 'needs a list of tests ("tests:" with at least one conversation)'));
    return { tests: [], errors };
  }
  const tests: ScenarioTest[] = [];
  data.tests.forEach((raw: unknown, i: number) => {
    const node = seq.items[i] as Node | undefined;
    const path = `tests[${i}]`;
    const t = (raw ?? {}) as Record<string, unknown>;
    const expectation = (t.expect ?? {}) as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof t.name !== 'string' || !t.name.trim()) problems.push('needs a "name"');
    if (!LOCALES.includes(t.locale as InputLocale)) problems.push(`"locale" must be one of ${LOCALES.join(', ')}`);
    if (!isStringList(t.replies) || t.replies.length === 0) problems.push('"replies" must be a list of the trainee\'s replies');
    if (!OUTCOMES.includes(expectation.ending as SessionOutcome)) problems.push(`"expect.ending" must be one of ${OUTCOMES.join(', ')}`);
    if (t.seed !== undefined && !Number.isInteger(t.seed)) problems.push('"seed" must be a whole number');
    if (expectation.maxTurns !== undefined && !Number.isInteger(expectation.maxTurns))
      problems.push('"expect.maxTurns" must be a whole number');
    const moments = expectation.moments as Record<string, unknown> | undefined;
    if (
      moments !== undefined &&
      (typeof moments !== 'object' || [moments.met, moments.missed].some((m) => m !== undefined && !isStringList(m)))
    )
      problems.push('"expect.moments" takes "met" and "missed", each a list of key-moment ids');
    for (const p of problems) errors.push(error(node, path, p));
    if (problems.length) return;
    tests.push({
      name: String(t.name),
      locale: t.locale as InputLocale,
      seed: (t.seed as number | undefined) ?? 1,
      replies: t.replies as string[],
      expect: {
        ending: expectation.ending as SessionOutcome,
        ...(expectation.maxTurns !== undefined ? { maxTurns: expectation.maxTurns as number } : {}),
        ...(moments ? { moments: { met: moments.met as string[] | undefined, missed: moments.missed as string[] | undefined } } : {}),
      },
      file: shown,
      line: at(node).line,
    });
  });
  return { scenarioId: typeof data?.scenario === 'string' ? data.scenario : undefined, tests, errors };
}

export interface TestResult {
  test: ScenarioTest;
  ok: boolean;
  outcome: SessionOutcome;
  turns: number;
  /** What differed from the expectation, in plain words. */
  problems: string[];
}

/** The key moments a score card records, as met / missed ids (none before scenarios declare them). */
function momentsOf(card: unknown): { met: Set<string>; missed: Set<string>; declared: boolean } {
  const list = (card as { keyMoments?: unknown }).keyMoments;
  const met = new Set<string>();
  const missed = new Set<string>();
  if (!Array.isArray(list)) return { met, missed, declared: false };
  for (const m of list as Record<string, unknown>[]) {
    if (typeof m?.id !== 'string') continue;
    const isMet = typeof m.met === 'boolean' ? m.met : typeof m.missed === 'boolean' ? !m.missed : typeof m.turn === 'number';
    (isMet ? met : missed).add(m.id);
  }
  return { met, missed, declared: true };
}

/** Plays one test: replies a minute apart (no interruptions), then the session ends as the bot ends it. */
export function runScenarioTest(scenario: Scenario, test: ScenarioTest): TestResult {
  let { session } = startSession(scenario, { locale: test.locale, seed: test.seed, now: 0, pacing: NO_PACING });
  let now = 0;
  const trail: string[] = [];
  for (const reply of test.replies) {
    if (session.ended) break;
    now += 60_000;
    session = replyToSession(scenario, session, reply, now).session;
    trail.push(`"${reply}" → ${String(session.state)}`);
  }
  const ended = endSession(scenario, session, now + 1000, session.ended?.outcome ?? 'abandoned');
  const outcome = ended.card.outcome;
  const problems: string[] = [];
  if (outcome !== test.expect.ending) problems.push(`ended ${outcome}, expected ${test.expect.ending} (${trail.join('; ')})`);
  if (session.ended && session.turns < test.replies.length)
    problems.push(`the session ended after reply ${session.turns} of ${test.replies.length}; the rest was never said`);
  if (test.expect.maxTurns !== undefined && ended.card.turns > test.expect.maxTurns)
    problems.push(`took ${ended.card.turns} turns, expected at most ${test.expect.maxTurns}`);
  if (test.expect.moments) {
    const moments = momentsOf(ended.card);
    if (!moments.declared) problems.push('expects key moments, but the score card records none for this scenario');
    for (const id of test.expect.moments.met ?? []) if (!moments.met.has(id)) problems.push(`key moment "${id}" was not met`);
    for (const id of test.expect.moments.missed ?? []) if (!moments.missed.has(id)) problems.push(`key moment "${id}" was not missed`);
  }
  return { test, ok: problems.length === 0, outcome, turns: ended.card.turns, problems };
}
