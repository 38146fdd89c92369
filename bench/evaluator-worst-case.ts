// The slowest replies for the evaluators: adversarial and very long inputs (the
// property test's alphabet, repeated trigger words, unmatched quotes), each scored
// in every locale. Prints the median and the worst time per input; a rule that
// backtracks catastrophically shows here as seconds instead of milliseconds.
import { evaluateReply } from '../evaluators/index.ts';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const INPUTS: [string, string][] = [
  ['我保证 ×7000', '我保证'.repeat(7000)],
  ['a ×100000', 'a'.repeat(100_000)],
  ['! ×20000', '!'.repeat(20_000)],
  ['lone surrogate ×5000', '\ud800'.repeat(5000)],
  ['I understand ×2000', 'I understand '.repeat(2000)],
  ['unclosed quotes ×3000', '“不可能'.repeat(3000)],
  ['mixed jargon ×800', 'APN HLR 您 sorry guarantee 肯定 '.repeat(800)],
];
const RUNS = 5;

evaluateReply('warm up 我理解', { locale: 'zh-CN' });
console.log('input                      locale   median ms   worst ms');
for (const [name, text] of INPUTS) {
  for (const locale of LOCALES) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      evaluateReply(text, { locale, customer: text.slice(0, 200) });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(26)} ${locale.padEnd(6)} ${times[RUNS >> 1]!.toFixed(1).padStart(10)} ${times.at(-1)!.toFixed(1).padStart(10)}`,
    );
  }
}
