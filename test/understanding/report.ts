// Prints the understanding figures per scenario and locale (and, with --failures, what
// went wrong): npx tsx test/understanding/report.ts [--failures]
import {
  askQuestion,
  playSession,
  readCorpus,
  routeParaphrase,
  tally,
  type NaturalSession,
  type Paraphrase,
  type QuestionProbe,
} from './harness.ts';

const showFailures = process.argv.includes('--failures');
const pct = (p: number, t: number) => (t ? `${((100 * p) / t).toFixed(1)}%` : '—');
const kinds = [
  ['paraphrases routed', tally(readCorpus<Paraphrase>('paraphrases'), routeParaphrase)],
  ['sessions ending as expected', tally(readCorpus<NaturalSession>('sessions'), playSession)],
  ['questions answered', tally(readCorpus<QuestionProbe>('questions'), askQuestion)],
] as const;
for (const [name, result] of kinds) {
  console.log(`\n${name}: ${result.all.passed}/${result.all.total} (${pct(result.all.passed, result.all.total)})`);
  for (const row of result.rows)
    console.log(`  ${row.key.padEnd(28)} ${String(row.passed).padStart(3)}/${String(row.total).padEnd(3)} ${pct(row.passed, row.total)}`);
  if (showFailures)
    for (const f of result.failures) {
      const item = f.item as unknown as Record<string, unknown>;
      console.log(
        `    ✗ ${String(item.id)} ${String(item.state ?? '')} expect ${String(item.expect)} got ${f.got}\n      ${String(item.text ?? item.question ?? (item.replies as string[] | undefined)?.join(' / '))}`,
      );
    }
}
