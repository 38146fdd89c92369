// The regression corpus: labelled replies per evaluator and locale, in
// test/corpus/<evaluator>/<locale>[.<topic>].yaml. A RuleTester-like harness:
// every case says what it proves, duplicates are rejected, and a failure shows
// the description, the reply and what the evaluators actually found.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isSeq, type Node as YamlNode } from 'yaml';
import type { Dimension, InputLocale, ReplyEvaluation, ScenarioRules, Turn } from '../../evaluators/types.ts';
import { DIMENSIONS } from '../../evaluators/types.ts';
import { evaluateReply } from '../../evaluators/index.ts';

export const GOOD_FLAGS: ReadonlySet<Dimension> = new Set(['empathy', 'problemSolving']);

export interface ExpectedFinding {
  text: string;
  occurrence?: number;
  rule?: string;
}

export interface CorpusCase {
  file: string;
  line: number;
  evaluator: Dimension;
  locale: InputLocale;
  side: 'valid' | 'invalid';
  description: string;
  reply: string;
  customer?: string;
  scenario?: string;
  interrupted?: boolean;
  history?: Turn[];
  findings: ExpectedFinding[];
  /** Every labelled flag of the case: its own evaluator's and those in `also`. */
  labels: Partial<Record<Dimension, boolean>>;
}

interface RawCase {
  description?: unknown;
  reply?: unknown;
  customer?: unknown;
  scenario?: unknown;
  interrupted?: unknown;
  history?: unknown;
  findings?: unknown;
  also?: unknown;
}

export class CorpusError extends Error {}

/** The flag value a case's side implies for its own evaluator. */
export function ownLabel(evaluator: Dimension, side: 'valid' | 'invalid'): boolean {
  return GOOD_FLAGS.has(evaluator) ? side === 'valid' : side === 'invalid';
}

export function loadCorpus(root: string): CorpusCase[] {
  const problems: string[] = [];
  const cases: CorpusCase[] = [];
  const seen = new Map<string, string>();
  if (!existsSync(root)) return cases;
  for (const evaluator of readdirSync(root).sort()) {
    if (!(DIMENSIONS as readonly string[]).includes(evaluator)) continue;
    for (const name of readdirSync(join(root, evaluator))
      .filter((n) => n.endsWith('.yaml'))
      .sort()) {
      const file = join(root, evaluator, name);
      const where = relative(process.cwd(), file);
      const locale = name.split('.')[0] as InputLocale;
      if (!['zh-CN', 'zh-TW', 'en'].includes(locale)) {
        problems.push(`${where}: file name must start with zh-CN, zh-TW or en`);
        continue;
      }
      const counter = new LineCounter();
      const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: counter });
      if (doc.errors.length) {
        problems.push(...doc.errors.map((e) => `${where}:${e.linePos?.[0].line ?? 1}: ${e.message.split('\n')[0]}`));
        continue;
      }
      const descriptions = new Set<string>();
      for (const side of ['valid', 'invalid'] as const) {
        const seq = doc.get(side, true);
        const raw = (doc.toJS() as Record<string, RawCase[] | undefined>)[side] ?? [];
        raw.forEach((c, index) => {
          const node = isSeq(seq) ? (seq.items[index] as YamlNode) : undefined;
          const line = counter.linePos(node?.range?.[0] ?? 0).line;
          const at = `${where}:${line}`;
          if (typeof c.description !== 'string' || !c.description) return problems.push(`${at}: every case needs a description`);
          if (typeof c.reply !== 'string' || !c.reply) return problems.push(`${at}: every case needs a reply`);
          if (descriptions.has(c.description)) problems.push(`${at}: duplicate description '${c.description}'`);
          descriptions.add(c.description);
          const key = JSON.stringify([evaluator, c.reply, c.customer ?? '', c.scenario ?? '', Boolean(c.interrupted)]);
          const first = seen.get(key);
          if (first) problems.push(`${at}: duplicate case (same reply, customer, scenario, interrupted) as ${first}`);
          else seen.set(key, at);
          const findings = Array.isArray(c.findings) ? (c.findings as ExpectedFinding[]) : [];
          for (const f of findings) {
            if (typeof f?.text !== 'string' || !c.reply.includes(f.text))
              problems.push(`${at}: finding text '${String(f?.text)}' is not in the reply`);
          }
          const labels: Partial<Record<Dimension, boolean>> = {};
          if (c.also && typeof c.also === 'object') {
            for (const [k, v] of Object.entries(c.also))
              if ((DIMENSIONS as readonly string[]).includes(k) && typeof v === 'boolean') labels[k as Dimension] = v;
          }
          labels[evaluator as Dimension] = ownLabel(evaluator as Dimension, side);
          cases.push({
            file: where,
            line,
            evaluator: evaluator as Dimension,
            locale,
            side,
            description: c.description,
            reply: c.reply,
            customer: typeof c.customer === 'string' ? c.customer : undefined,
            scenario: typeof c.scenario === 'string' ? c.scenario : undefined,
            interrupted: c.interrupted === true,
            history: Array.isArray(c.history) ? (c.history as Turn[]) : undefined,
            findings,
            labels,
          });
        });
      }
    }
  }
  if (problems.length) throw new CorpusError(`The corpus has ${problems.length} problem(s):\n${problems.join('\n')}`);
  return cases;
}

export type ScenarioRulesLookup = (id: string) => ScenarioRules | undefined;

export function evaluateCase(c: CorpusCase, rulesFor?: ScenarioRulesLookup): ReplyEvaluation {
  return evaluateReply(c.reply, {
    locale: c.locale,
    customer: c.customer,
    history: c.history,
    interrupted: c.interrupted,
    scenario: c.scenario ? rulesFor?.(c.scenario) : undefined,
  });
}

/** Problems with one case's result: wrong flags, or expected words not covered by a finding. */
export function caseFailures(c: CorpusCase, result: ReplyEvaluation): string[] {
  const failures: string[] = [];
  for (const [flag, expected] of Object.entries(c.labels) as [Dimension, boolean][]) {
    if (result.detected[flag] !== expected) failures.push(`${flag}: expected ${expected}, got ${result.detected[flag]}`);
  }
  if (c.labels[c.evaluator]) {
    for (const f of c.findings) {
      let start = -1;
      for (let n = 0; n < (f.occurrence ?? 1); n++) start = c.reply.indexOf(f.text, start + 1);
      const end = start + f.text.length;
      const hit = result.findings.find(
        (x) => x.evaluator === c.evaluator && x.span[0] < end && x.span[1] > start && (!f.rule || x.rule === f.rule),
      );
      if (!hit) failures.push(`${c.evaluator}: no finding covers "${f.text}"${f.rule ? ` with rule ${f.rule}` : ''}`);
    }
  }
  return failures;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function f1(c: Confusion): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
