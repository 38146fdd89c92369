// What understanding adds to a turn, in its own process: per reply, the shared analysis
// (clauses, concepts, acts, numbers), the scenario's intents and the answer to a question,
// over every reply of the understanding corpora (both locales), three passes, each reply
// made fresh each time so that no cache answers it. Prints one JSON line.
// Run: npx tsx bench/understanding.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseReply, type InputLocale } from '../evaluators/index.ts';
import { loadLibrary } from '../scenarios/index.ts';
import { recogniseAnalysis } from '../scenarios/intents.ts';
import { answerQuestion } from '../scenarios/knowledge.ts';

const CORPUS = fileURLToPath(new URL('../test/understanding/', import.meta.url));
const PASSES = 3;

interface Line {
  scenario: string;
  locale: InputLocale;
  text?: string;
  question?: string;
  replies?: string[];
}

const replies: { scenario: string; locale: InputLocale; text: string }[] = [];
for (const kind of ['paraphrases', 'sessions', 'questions']) {
  for (const name of readdirSync(join(CORPUS, kind))
    .filter((n) => n.endsWith('.jsonl'))
    .sort())
    for (const raw of readFileSync(join(CORPUS, kind, name), 'utf8')
      .split('\n')
      .filter((l) => l.trim())) {
      const line = JSON.parse(raw) as Line;
      for (const text of [line.text, line.question, ...(line.replies ?? [])])
        if (text) replies.push({ scenario: line.scenario, locale: line.locale, text });
    }
}
const { scenarios } = loadLibrary();
// One unmeasured pass: the concept sets compile and the code warms up.
for (const r of replies) recogniseAnalysis(analyseReply(r.text, r.locale), scenarios.get(r.scenario)!.intents);

const times: number[] = [];
const english: number[] = [];
let sink = 0;
for (let pass = 0; pass < PASSES; pass++) {
  for (const [i, r] of replies.entries()) {
    const scenario = scenarios.get(r.scenario)!;
    // A different text every time (a trailing number), so nothing is looked up.
    const text = `${r.text} ${pass * replies.length + i}`;
    const t0 = performance.now();
    const analysis = analyseReply(text, r.locale);
    sink += recogniseAnalysis(analysis, scenario.intents).length;
    sink += answerQuestion(scenario, analysis) ? 1 : 0;
    const took = performance.now() - t0;
    times.push(took);
    if (r.locale === 'en' && r.text.length >= 120) english.push(took);
  }
}
const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? 0;
console.log(
  JSON.stringify({
    replies: replies.length,
    passes: PASSES,
    medianMs: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    longEnglish: { replies: english.length / PASSES, medianMs: quantile(english, 0.5) },
    sink,
  }),
);
