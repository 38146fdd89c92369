// A broken lexicon file or entry is left out with file:line; the rest keeps working.
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LEXICON_DIR, LexiconError, lexiconProblems, loadLexicons, reloadLexicons } from './load.ts';
import type { EvaluatorId } from '../types.ts';

const dir = mkdtempSync(join(tmpdir(), 'lexicons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading lexicons', () => {
  it('the shipped lexicons have no problems', () => {
    expect(lexiconProblems()).toEqual([]);
    expect(() => loadLexicons(LEXICON_DIR, { strict: true })).not.toThrow();
  });

  it('leaves out a malformed file and an unsafe entry, names them with file:line, and keeps the rest', () => {
    cpSync(LEXICON_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'en', 'jargon.yaml'), 'evaluator: jargon\nlocale: en\nentries: [ {id: x\n');
    const empathy = join(dir, 'en', 'empathy.yaml');
    writeFileSync(
      empathy,
      `${readFileSync(empathy, 'utf8').trimEnd()}\n  - id: hangs\n    rule: understanding\n    patterns: ["(a+)+$"]\n    note: bad\n    suggestion: bad\n`,
    );
    const lexicons = loadLexicons(dir);
    const problems = lexiconProblems(dir);
    expect(problems.some((p) => /en\/jargon\.yaml:\d+/.test(p))).toBe(true);
    expect(problems.some((p) => /en\/empathy\.yaml:\d+: pattern .* in entry 'hangs'/.test(p))).toBe(true);
    const en = lexicons.get('en')!;
    expect(en.get('jargon')).toBeUndefined();
    expect(en.get('empathy')!.some((e) => e.id === 'apology')).toBe(true);
    expect(en.get('empathy')!.some((e) => e.id === 'hangs')).toBe(false);
    expect(en.get('promises')!.length).toBeGreaterThan(0);
    expect(() => loadLexicons(dir, { strict: true })).toThrow(LexiconError);
  });
});

describe('advice that repeats what its entry flags', () => {
  const fixtures = join(fileURLToPath(new URL('../../test/fixtures/lexicons-own-advice/', import.meta.url)));
  // Read afresh in each test: the loader keeps what it loaded.
  let problems: string[] = [];
  let ids: (locale: 'zh-CN' | 'en', evaluator: EvaluatorId) => string[] = () => [];
  beforeEach(() => {
    reloadLexicons(fixtures);
    const lexicons = loadLexicons(fixtures);
    problems = lexiconProblems(fixtures);
    ids = (locale, evaluator) => (lexicons.get(locale)!.get(evaluator) ?? []).map((e) => e.id);
  });

  it('refuses the entry with file:line and the words it repeats, in every locale and field', () => {
    expect(problems.filter((p) => p.includes('which the entry itself flags'))).toEqual([
      `${join(fixtures, 'zh-CN', 'wording.yaml')}:5: entry 'keeps-refusing' suggestion contains '办不了', which the entry itself flags`,
      `${join(fixtures, 'en', 'jargon.yaml')}:4: entry 'explained-with-the-term' plain contains 'vin', which the entry itself flags`,
      `${join(fixtures, 'en', 'jargon.yaml')}:10: entry 'pattern-in-advice' suggestion contains 'SLA2', which the entry itself flags`,
      `${join(fixtures, 'en', 'requests.yaml')}:4: entry 'command' suggestion contains 'You Must', which the entry itself flags`,
    ]);
    expect(ids('zh-CN', 'positiveWording')).toEqual(['says-what-can-be-done']);
    expect(ids('en', 'jargon')).toEqual([]);
    expect(ids('en', 'requestWording')).toEqual(['request']);
    expect(() => loadLexicons(fixtures, { strict: true })).toThrow(LexiconError);
  });

  it('keeps credited words quoted in their own advice', () => {
    expect(ids('zh-CN', 'empathy')).toEqual(['understanding']);
    expect(ids('zh-CN', 'problemSolving')).toEqual(['check']);
    expect(ids('en', 'addressing')).toEqual(['surname']);
  });

  it('reports a broken pattern once, as a broken pattern', () => {
    expect(problems.filter((p) => p.includes("'broken-pattern'"))).toEqual([
      expect.stringMatching(/en\/jargon\.yaml:15: pattern \/\(unclosed\/ in entry 'broken-pattern' /),
    ]);
  });
});

describe('lower-case expressions for English', () => {
  it('keep escapes and Unicode classes as written', async () => {
    const { lowerCaseSource } = await import('./load.ts');
    expect(lowerCaseSource(String.raw`\bI'LL\S+\W[A-Z]\p{Lu}\P{L}GB`)).toBe(String.raw`\bi'll\S+\W[a-z]\p{Lu}\P{L}gb`);
  });

  it('run on the lower-cased text only where its offsets and letters stay those of the text', async () => {
    const { lowerCaseHaystack } = await import('./load.ts');
    expect(lowerCaseHaystack("I'LL Fix It")).toBe("i'll fix it");
    // Case-insensitive matching folds these onto s and k; toLowerCase keeps them apart.
    expect(lowerCaseHaystack('I’ll ſort it')).toBeUndefined();
    expect(lowerCaseHaystack('5 \u212a off')).toBeUndefined();
    // İ lower-cases to two code units: every later offset would move.
    expect(lowerCaseHaystack('İstanbul office')).toBeUndefined();
  });

  it('Chinese lists match their Latin words in the case written, English ones ignore case unless marked', () => {
    const lexicons = loadLexicons();
    const zh = [...lexicons.get('zh-CN')!.values()].flat();
    expect(zh.filter((e) => e.regex.flags.includes('i')).map((e) => e.source)).toEqual([]);
    const en = [...lexicons.get('en')!.values()].flat();
    expect(en.filter((e) => !e.regex.flags.includes('i')).map((e) => e.source)).toEqual([
      'jargon.yaml#radio-standards-cased',
      'jargon.yaml#billing-acronyms-cased',
    ]);
  });

  it('find exactly what the case-insensitive expressions find', () => {
    const en = loadLexicons().get('en')!;
    const replies = [
      "I GUARANTEE it'll be FIXED today.",
      'Okay OKAY, I get it.',
      'Your APN on the HLR, and the IMEI? It is fine.',
      'We NEVER make mistakes!',
    ];
    // Entries that match only the case written have no lower-case copy and need none.
    const ignoringCase = [...en.values()].flat().filter((e) => e.regex.flags.includes('i'));
    expect([...en.values()].flat().filter((e) => !e.regex.flags.includes('i') && e.lowerRegex)).toEqual([]);
    for (const entry of ignoringCase) {
      for (const reply of replies) {
        const a = [...reply.matchAll(new RegExp(entry.regex.source, entry.regex.flags))].map((m) => [m.index, m[0].length]);
        const b = [...reply.toLowerCase().matchAll(new RegExp(entry.lowerRegex!.source, entry.lowerRegex!.flags))].map((m) => [
          m.index,
          m[0].length,
        ]);
        expect(b, `${entry.source} on "${reply}"`).toEqual(a);
      }
    }
  });
});
