// Data files that trainers edit can carry a regular expression that backtracks
// catastrophically; it would stall the server's one thread on the first unlucky reply.
// Such patterns are refused when the file loads, with file:line, and the other files load.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conceptProblems } from '../evaluators/analysis/concepts.ts';
import { compileLexiconFile, lexiconProblems } from '../evaluators/lexicon/load.ts';
import { unsafePatternReason } from '../lib/safe-pattern.ts';
import { LIBRARY_DIR, loadLibrary } from '../scenarios/load.ts';
import { replyToSession, startSession } from '../scenarios/index.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Shapes that take seconds to hours on a few dozen characters in JavaScript's backtracking engine. */
const CATASTROPHIC = [
  '(a+)+$',
  '(a|a)*b',
  '(a|aa)*$',
  '(\\w+\\s?)*$',
  '(.*a){12}',
  '(?:x+x+)+y',
  '([a-z]+)*!',
  '(\\d|\\d\\d)+z',
  '(a|ab)+c',
  '(.)\\1',
];
/** Everyday shapes, including the shipped ones' (a repeat of distinct words, bounded repeats). */
const ACCEPTED = [
  '(?:现在|马上|先|就|这就)*把',
  '我(?:一定|会|来)+负责',
  '\\bmust (?:\\w+ )?be (?:so |really )?(?:hard|tough)',
  '[^，。]{0,8}?(?:帮|给)您',
  '(?:老|原|旧)?(?:号码|号)',
  '(ab|cd){1,3}',
];

describe('catastrophic patterns are refused at load', () => {
  it('names each catastrophic shape and accepts the everyday ones', () => {
    for (const p of CATASTROPHIC) expect(unsafePatternReason(p), p).toBeDefined();
    for (const p of ACCEPTED) expect(unsafePatternReason(p), p).toBeUndefined();
  });

  it("rejects a lexicon entry with one, at its file:line, and keeps the file's other problems apart", () => {
    const text = [
      'evaluator: empathy',
      'locale: en',
      'entries:',
      '  - id: fine',
      '    rule: understanding',
      '    phrases: [i understand]',
      '    note: ok',
      '    suggestion: ok',
      '  - id: runaway',
      '    rule: understanding',
      "    patterns: ['(a|a)*b']",
      '    note: bad',
      '    suggestion: bad',
    ].join('\n');
    const problems: string[] = [];
    compileLexiconFile('/lexicons/en/empathy.yaml', text, problems);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/lexicons\/en\/empathy\.yaml:9: pattern \/\(a\|a\)\*b\/ in entry 'runaway' .*exponential/);
  });

  it('leaves a scenario with one out of the library, with file:line, while the others load and play', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roleplay-patterns-'));
    dirs.push(dir);
    const good = readFileSync(join(LIBRARY_DIR, 'wrong-change.yaml'), 'utf8');
    writeFileSync(join(dir, 'wrong-change.yaml'), good);
    const risky = good
      .replace(/^id: wrong-change$/m, 'id: risky-change')
      .replace(/zh-CN: \[不用查直接退, [^\]\n]*\]/u, "zh-CN: [不用查直接退, 're:(退|退)*钱!']");
    expect(risky).toContain('(退|退)*');
    writeFileSync(join(dir, 'risky-change.yaml'), risky);
    writeFileSync(join(dir, 'broken.yaml'), 'id: broken\nstates: [\n');

    const library = loadLibrary(dir);
    expect([...library.scenarios.keys()]).toEqual(['wrong-change']);
    const line = risky.split('\n').findIndex((l) => l.includes('(退|退)*')) + 1;
    const riskyError = library.errors.find((e) => e.file.endsWith('risky-change.yaml'));
    expect(riskyError?.line).toBe(line);
    expect(riskyError?.message).toMatch(/exponential backtracking/);
    expect(library.errors.some((e) => e.file.endsWith('broken.yaml') && e.line >= 1)).toBe(true);

    // The scenario that loaded works, on exactly the input that would have stalled the refused one.
    const scenario = library.scenarios.get('wrong-change')!;
    const { session } = startSession(scenario, {
      locale: 'zh-CN',
      seed: 1,
      now: 0,
      pacing: { enabled: false, msPerChar: 0, minPauseMs: 0, maxPauseMs: 0 },
      mode: 'practice',
    });
    const result = replyToSession(scenario, session, '退'.repeat(40), 1000);
    expect(result.session.turns).toBe(1);
  });
});

describe('the shipped word lists and concept sets', () => {
  // A refused concept (a phrase listed twice, an unsafe pattern) would drop out of every reply's reading without a
  // word at play time; here it fails by name, with its file:line.
  it('load with no problem at all', () => {
    expect(conceptProblems()).toEqual([]);
    expect(lexiconProblems()).toEqual([]);
  });
});
