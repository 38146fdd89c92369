// The evaluators' regression corpus (test/corpus/<evaluator>/<locale>.yaml), gated
// per locale and per evaluator (test/gates.yaml): enough labelled cases, an F1 no
// lower than the ratchet, and flags raised on the labelled words. Each locale is
// scored inside its own test, so a mutation run knows which tests read which code.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { caseFailures, evaluateCase, loadCorpus, type CorpusCase } from './support/corpus.ts';
import { scenarioRulesLookup } from '../cli/score/scenario-rules.ts';
import type { InputLocale, ReplyEvaluation } from '../evaluators/types.ts';
import { KnownMisses, ratchetMessage } from './support/known-misses.ts';
import { count, emptyTally, gateFailures, loadGates, LOCALES, table } from './support/gates.ts';

const ROOT = fileURLToPath(new URL('./corpus/', import.meta.url));
const cases = loadCorpus(ROOT);
const gates = loadGates();
// Each flag wrong today, per locale, by evaluator, file and reply (test/known-misses/corpus.txt).
const known = new KnownMisses('corpus.txt');

/** Labelled words the case's own evaluator did not cover; all of them when it flagged other words only. */
function missedWords(c: CorpusCase, result: ReplyEvaluation): { missed: string[]; wrongWords: boolean } {
  const missed = caseFailures(
    { ...c, labels: { [c.evaluator]: true } },
    { ...result, detected: { ...result.detected, [c.evaluator]: true } },
  )
    .filter((p) => p.includes('no finding covers'))
    .map((p) => p.replace(/^.*no finding covers /, ''));
  return { missed, wrongWords: c.findings.length > 0 && missed.length === c.findings.length };
}

async function score(locale: InputLocale) {
  const { lookup } = await scenarioRulesLookup();
  const tally = emptyTally();
  const wrongFlags: string[] = [];
  const wrongWords: string[] = [];
  const partial: string[] = [];
  const misses: string[] = [];
  let missed = 0;
  for (const c of cases.filter((x) => x.locale === locale)) {
    const result = evaluateCase(c, lookup);
    const wrong = count(tally, c.labels, result);
    const where = `${c.file}:${c.line} [${c.evaluator}/${c.side}] ${c.description}\n    reply: ${c.reply}`;
    const found = result.findings.map((f) => `${f.evaluator}/${f.rule} "${f.text}"`).join('; ') || 'none';
    for (const d of wrong) misses.push(`${d} ${c.file} ${c.reply}`);
    if (wrong.length) wrongFlags.push(`${where}\n    wrong: ${wrong.join(', ')}\n    found: ${found}`);
    // Words are checked where the case's own flag is labelled true and was raised.
    if (!c.labels[c.evaluator] || !result.detected[c.evaluator]) continue;
    const words = missedWords(c, result);
    missed += words.missed.length;
    const line = `${where}\n    not covered: ${words.missed.join(', ')}\n    found: ${found}`;
    if (words.wrongWords) wrongWords.push(line);
    else if (words.missed.length) partial.push(line);
  }
  return { tally, wrongFlags, wrongWords, partial, missed, misses };
}

describe('evaluator regression corpus', () => {
  for (const locale of LOCALES) {
    it(`${locale}: enough cases per evaluator, F1 at or above its gate, flags on the labelled words`, async () => {
      const gate = gates.corpus[locale];
      const r = await score(locale);
      console.log(
        [
          table(`\nCorpus ${locale}: ${cases.filter((c) => c.locale === locale).length} cases`, r.tally),
          `  labelled words not covered: ${r.missed} (gate ≤ ${gate.maxMissedWords ?? 0})`,
          ...(r.wrongFlags.length ? [`Wrong flags (${r.wrongFlags.length}):`, ...r.wrongFlags] : []),
          ...(r.partial.length ? [`Flag right, some labelled words not covered (${r.partial.length}):`, ...r.partial] : []),
        ].join('\n'),
      );
      expect(gateFailures(locale, r.tally, gate)).toEqual([]);
      expect(r.wrongWords, 'flag raised on words other than the labelled ones').toEqual([]);
      expect(r.missed, 'labelled words not covered by a finding').toBeLessThanOrEqual(gate.maxMissedWords ?? 0);
      const ratchet = known.check(`corpus ${locale}`, r.misses);
      expect(ratchet, ratchetMessage(known, ratchet)).toEqual({ newMisses: [], nowRight: [] });
    });
  }
});
