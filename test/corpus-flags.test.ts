// The flag corpus: labelled replies across many situations, scored as `roleplay score`
// scores them; precision, recall and F1 per flag and locale, gated at 0.9 F1 per flag.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { evaluateReply } from '../evaluators/index.ts';
import { DIMENSIONS, type Dimension } from '../evaluators/types.ts';
import { f1, type Confusion } from './support/corpus.ts';
import { FlagCorpusError, loadFlagCorpus } from './support/flag-corpus.ts';
import { scenarioRulesLookup } from '../cli/score/scenario-rules.ts';

const ROOT = fileURLToPath(new URL('./corpus-flags/', import.meta.url));
const MIN_F1 = 0.9;

const empty = (): Record<Dimension, Confusion> =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<Dimension, Confusion>;

describe('flag corpus', async () => {
  const cases = loadFlagCorpus(ROOT);
  const { lookup } = await scenarioRulesLookup();
  const overall = empty();
  const perLocale = new Map<string, Record<Dimension, Confusion>>();
  const wrong: string[] = [];
  for (const c of cases) {
    const result = evaluateReply(c.reply, {
      locale: c.locale,
      customer: c.customer,
      history: c.history,
      interrupted: c.interrupted,
      scenario: c.scenario ? lookup(c.scenario) : undefined,
    });
    const local = perLocale.get(c.locale) ?? empty();
    perLocale.set(c.locale, local);
    for (const d of DIMENSIONS) {
      const want = c.expect[d];
      const got = result.detected[d];
      const key = want && got ? 'tp' : want ? 'fn' : got ? 'fp' : 'tn';
      overall[d][key]++;
      local[d][key]++;
      if (want !== got) {
        const words = result.findings
          .filter((f) => f.evaluator === d)
          .map((f) => `${f.rule} "${f.text}"`)
          .join('; ');
        wrong.push(
          `${c.file}:${c.line} ${c.id} ${d}: expected ${want}, got ${got} — ${c.description}\n    reply: ${c.reply}${words ? `\n    found: ${words}` : ''}`,
        );
      }
    }
  }
  const row = (label: string, m: Record<Dimension, Confusion>): string =>
    `${label.padEnd(8)} ${DIMENSIONS.map((d) => f1(m[d]).f1.toFixed(3).padStart(14)).join('')}`;
  console.log(
    [
      `\nFlag corpus: ${cases.length} labelled replies (F1 per flag)`,
      `${'locale'.padEnd(8)} ${DIMENSIONS.map((d) => d.padStart(14)).join('')}`,
      ...[...perLocale].map(([l, m]) => row(l, m)),
      row('all', overall),
    ].join('\n'),
  );
  if (wrong.length) console.log(`\nFlags the evaluators get wrong (${wrong.length}):\n${wrong.join('\n')}\n`);

  it('covers every locale with both outcomes of every flag', () => {
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      const m = perLocale.get(locale);
      expect(m, locale).toBeDefined();
      for (const d of DIMENSIONS) {
        expect(m![d].tp + m![d].fn, `${locale} ${d} true`).toBeGreaterThanOrEqual(15);
        expect(m![d].tn + m![d].fp, `${locale} ${d} false`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  for (const d of DIMENSIONS) {
    it(`${d}: F1 ≥ ${MIN_F1} over all locales`, () => {
      expect(f1(overall[d]).f1).toBeGreaterThanOrEqual(MIN_F1);
    });
  }

  it('rejects duplicate cases and cases without a description, naming file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flag-corpus-'));
    try {
      const flags = { interrupting: true, empathy: false, jargon: false, promises: false, problemSolving: false };
      const base = { locale: 'zh-CN', reply: '不可能。', expect: flags };
      writeFileSync(
        join(dir, 'x.jsonl'),
        [
          { id: 'a', description: 'denial', ...base },
          { id: 'b', description: 'same again', ...base },
          { id: 'c', ...base, reply: '别说了' },
        ]
          .map((o) => JSON.stringify(o))
          .join('\n'),
      );
      expect(() => loadFlagCorpus(dir)).toThrow(FlagCorpusError);
      try {
        loadFlagCorpus(dir);
      } catch (error) {
        expect((error as Error).message).toMatch(/x\.jsonl:2: duplicate case/);
        expect((error as Error).message).toMatch(/x\.jsonl:3: needs a "description"/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
