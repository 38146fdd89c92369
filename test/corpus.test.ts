// The evaluators' regression corpus: precision, recall and F1 per evaluator over
// every labelled reply in test/corpus, gated at 0.9 F1.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DIMENSIONS, type Dimension } from '../evaluators/types.ts';
import { caseFailures, evaluateCase, f1, loadCorpus, type Confusion } from './support/corpus.ts';
import { scenarioRulesLookup } from '../cli/score/scenario-rules.ts';

const ROOT = fileURLToPath(new URL('./corpus/', import.meta.url));
const MIN_F1 = 0.9;

describe('evaluator regression corpus', async () => {
  const cases = loadCorpus(ROOT);
  const { lookup } = await scenarioRulesLookup();
  const confusion = Object.fromEntries(DIMENSIONS.map((d) => [d, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<Dimension, Confusion>;
  const failures: string[] = [];
  for (const c of cases) {
    const result = evaluateCase(c, lookup);
    for (const [flag, expected] of Object.entries(c.labels) as [Dimension, boolean][]) {
      const got = result.detected[flag];
      const cell = confusion[flag];
      if (expected && got) cell.tp++;
      else if (!expected && got) cell.fp++;
      else if (expected && !got) cell.fn++;
      else cell.tn++;
    }
    const problems = caseFailures(c, result);
    if (problems.length) {
      const found = result.findings.map((f) => `${f.evaluator}/${f.rule} "${f.text}"`).join('; ') || 'none';
      failures.push(
        `${c.file}:${c.line} [${c.evaluator}/${c.side}] ${c.description}\n    reply: ${c.reply}\n    ${problems.join('\n    ')}\n    found: ${found}`,
      );
    }
  }

  const rows = DIMENSIONS.map((d) => ({ d, ...confusion[d], ...f1(confusion[d]) }));
  const table = [
    'evaluator       cases   TP   FP   FN  precision  recall     F1',
    ...rows.map(
      (r) =>
        `${r.d.padEnd(14)} ${String(r.tp + r.fp + r.fn + r.tn).padStart(6)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ${r.f1.toFixed(3).padStart(5)}`,
    ),
  ].join('\n');
  console.log(`\nCorpus: ${cases.length} labelled replies\n${table}\n`);
  if (failures.length) console.log(`Cases the evaluators get wrong (${failures.length}):\n${failures.join('\n')}\n`);

  it('has labelled replies for every evaluator in zh-CN and en', () => {
    for (const d of DIMENSIONS) {
      expect(cases.filter((c) => c.evaluator === d && c.locale === 'zh-CN').length, `${d} zh-CN`).toBeGreaterThanOrEqual(60);
      expect(cases.filter((c) => c.evaluator === d && c.locale === 'en').length, `${d} en`).toBeGreaterThanOrEqual(20);
    }
  });

  for (const r of rows) {
    it(`${r.d}: F1 ≥ ${MIN_F1} (precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)})`, () => {
      expect(r.f1).toBeGreaterThanOrEqual(MIN_F1);
    });
  }
});
