// Replays the understanding corpora (test/understanding/{paraphrases,sessions,questions})
// through the customer engine and scores them per scenario and locale. The corpora are
// written independently of the rules; this file only reads them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLibrary, replyToSession, sessionOutcome, startSession, type Scenario, type SessionStateJson } from '../../scenarios/index.ts';
import type { InputLocale } from '../../evaluators/index.ts';

export const CORPUS_DIR = fileURLToPath(new URL('./', import.meta.url));

export interface Base {
  id: string;
  scenario: string;
  locale: InputLocale;
}
export interface Paraphrase extends Base {
  state: string;
  text: string;
  expect: string;
}
export interface NaturalSession extends Base {
  replies: string[];
  expect: string;
}
export interface QuestionProbe extends Base {
  question: string;
  expect: 'fact' | 'unknown' | 'irrelevant';
  mentions?: string[];
  state?: string;
}

export function readCorpus<T>(kind: 'paraphrases' | 'sessions' | 'questions', dir = CORPUS_DIR): T[] {
  const folder = join(dir, kind);
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return [];
  }
  return names.sort().flatMap((name) =>
    readFileSync(join(folder, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as T),
  );
}

const MINUTE = 60_000;

function scenarioOf(id: string): Scenario {
  const scenario = loadLibrary().scenarios.get(id);
  if (!scenario) throw new Error(`unknown scenario ${id}`);
  return scenario;
}

/** A session of `scenario` placed in `state` with the scenario's starting mood. */
function sessionIn(scenario: Scenario, locale: InputLocale, state?: string): SessionStateJson {
  const { session } = startSession(scenario, { locale, seed: 1, now: 0 });
  return state ? { ...session, state } : session;
}

export interface Outcome {
  ok: boolean;
  got: string;
}

/** Where one reply in the paraphrase's state takes the customer: a state id or end:<ending>. */
export function routeParaphrase(p: Paraphrase): Outcome {
  const scenario = scenarioOf(p.scenario);
  const result = replyToSession(scenario, sessionIn(scenario, p.locale, p.state), p.text, MINUTE);
  const outcome = sessionOutcome(result.session);
  const got = outcome ? `end:${outcome}` : String(result.session.state);
  return { ok: got === p.expect, got };
}

/** How a whole session ends: an ending, or "open" when the replies run out first. */
export function playSession(s: NaturalSession): Outcome {
  const scenario = scenarioOf(s.scenario);
  let session = sessionIn(scenario, s.locale);
  let now = 0;
  for (const reply of s.replies) {
    if (session.ended) break;
    now += MINUTE;
    session = replyToSession(scenario, session, reply, now).session;
  }
  const got = sessionOutcome(session) ?? 'open';
  return { ok: s.expect === 'not-resolved' ? got !== 'resolved' : got === s.expect, got };
}

/** Whether the customer answered the probe as expected, in character, staying in the same state. */
export function askQuestion(q: QuestionProbe): Outcome {
  const scenario = scenarioOf(q.scenario);
  const before = sessionIn(scenario, q.locale, q.state);
  const result = replyToSession(scenario, before, q.question, MINUTE);
  const answer = result.output.lines.find((l) => l.kind === 'answer');
  const said = result.output.lines.map((l) => l.parts.map((p) => p.text).join(' ')).join(' | ');
  const stayed = !sessionOutcome(result.session) && result.session.state === before.state;
  let ok = false;
  if (stayed && answer) {
    const text = answer.parts
      .map((p) => p.text)
      .join(' ')
      .toLowerCase();
    if (q.expect === 'fact')
      ok = answer.ref !== 'unknown' && answer.ref !== 'irrelevant' && (q.mentions ?? []).some((m) => text.includes(m.toLowerCase()));
    else ok = answer.ref === q.expect;
  }
  return { ok, got: `${answer?.ref ?? 'no answer'}: ${said}` };
}

export interface Tally {
  key: string;
  passed: number;
  total: number;
}

/**
 * Pass counts per scenario and locale, and in all. `stopAt`, asked after each miss,
 * ends the run early (`complete` is then false): a broken engine is told at its first
 * few regressions, not after the whole corpus.
 */
export function tally<T extends Base>(
  items: T[],
  run: (item: T) => Outcome,
  stopAt: (miss: { item: T; got: string }) => boolean = () => false,
): { rows: Tally[]; all: Tally; failures: { item: T; got: string }[]; complete: boolean } {
  const rows = new Map<string, Tally>();
  const failures: { item: T; got: string }[] = [];
  const all: Tally = { key: 'all', passed: 0, total: 0 };
  for (const item of items) {
    const key = `${item.scenario} ${item.locale}`;
    const row = rows.get(key) ?? { key, passed: 0, total: 0 };
    rows.set(key, row);
    const outcome = run(item);
    row.total++;
    all.total++;
    if (outcome.ok) {
      row.passed++;
      all.passed++;
      continue;
    }
    const miss = { item, got: outcome.got };
    failures.push(miss);
    if (stopAt(miss)) return { rows: sorted(rows), all, failures, complete: false };
  }
  return { rows: sorted(rows), all, failures, complete: true };
}

const sorted = (rows: Map<string, Tally>): Tally[] => [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
