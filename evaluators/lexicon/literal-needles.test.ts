// The literal text a pattern cannot match without. Cases are data (test/core/fixtures/literal-needles.yaml);
// every shipped entry's needles are checked against every labelled reply: a reply the entry matches
// always holds one of its needles.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { patternNeedles } from './literal-needles.ts';
import { loadLexicons, lowerCaseHaystack } from './load.ts';
import { prepareReply } from '../engine/prepare.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cases = (
  parse(readFileSync(join(ROOT, 'test/core/fixtures/literal-needles.yaml'), 'utf8')) as {
    cases: { pattern: string; needles: string[] | null }[];
  }
).cases;

describe('the literal text a pattern needs', () => {
  for (const c of cases)
    it(`/${c.pattern}/ → ${c.needles ? c.needles.join(' | ') : 'nothing certain'}`, () => {
      const found = patternNeedles(c.pattern);
      expect(found ? [...found].sort() : null).toEqual(c.needles ? [...c.needles].sort() : null);
    });

  // Every entry against every labelled reply: the work grows with each batch, so it gets more time than one test.
  it('is in every labelled reply a shipped entry matches', { timeout: 240_000 }, () => {
    const dir = join(ROOT, 'test/corpus-flags');
    const replies = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { locale: 'en' | 'zh-CN' | 'zh-TW'; reply: string });
    expect(replies.length).toBeGreaterThan(3000);
    const lexicons = loadLexicons();
    const missed: string[] = [];
    let skipped = 0;
    for (const r of replies) {
      const prepared = prepareReply(r.reply, r.locale);
      const text = prepared.text;
      const haystack = prepared.locale === 'en' ? lowerCaseHaystack(text) : text;
      for (const entry of [...lexicons.get(prepared.locale)!.values()].flat()) {
        if (!entry.needles || haystack === undefined || entry.needles.some((n) => haystack.includes(n))) continue;
        skipped++;
        if (new RegExp(entry.regex.source, entry.regex.flags.replace('g', '')).test(text)) missed.push(`${entry.source}: ${r.reply}`);
      }
    }
    expect(missed).toEqual([]);
    // The needles are worth having: most entries need not run on most replies.
    expect(skipped).toBeGreaterThan(replies.length * 50);
  });
});
