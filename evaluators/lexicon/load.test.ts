// A broken lexicon file or entry is left out with file:line; the rest keeps working.
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LEXICON_DIR, LexiconError, lexiconProblems, loadLexicons } from './load.ts';

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

describe('lower-case expressions for English', () => {
  it('keep escapes and Unicode classes as written', async () => {
    const { lowerCaseSource } = await import('./load.ts');
    expect(lowerCaseSource(String.raw`\bI'LL\S+\W[A-Z]\p{Lu}\P{L}GB`)).toBe(String.raw`\bi'll\S+\W[a-z]\p{Lu}\P{L}gb`);
  });

  it('find exactly what the case-insensitive expressions find', () => {
    const en = loadLexicons().get('en')!;
    const replies = [
      "I GUARANTEE it'll be FIXED today.",
      'Okay OKAY, I get it.',
      'Your APN on the HLR, and the IMEI? It is fine.',
      'We NEVER make mistakes!',
    ];
    for (const entry of [...en.values()].flat()) {
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
