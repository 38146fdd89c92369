// The flag corpus: labelled replies in the batch-scoring input format
// (score-format.md), one JSON object per line with the five expected flags and a
// description. It checks the flags as a quality team would see them, across many
// situations; test/corpus holds the per-evaluator cases with exact spans.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dimension, InputLocale, Turn } from '../../evaluators/types.ts';
import { DIMENSIONS } from '../../evaluators/types.ts';

export interface FlagCase {
  file: string;
  line: number;
  id: string;
  description: string;
  locale: InputLocale;
  reply: string;
  customer?: string;
  scenario?: string;
  interrupted?: boolean;
  history?: Turn[];
  expect: Record<Dimension, boolean>;
}

export class FlagCorpusError extends Error {}

const LOCALES: ReadonlySet<string> = new Set(['zh-CN', 'zh-TW', 'en']);

function problemIn(raw: Record<string, unknown>): string | undefined {
  if (typeof raw.id !== 'string' || !raw.id) return 'needs an "id"';
  if (typeof raw.reply !== 'string' || !raw.reply.trim()) return 'needs a "reply"';
  if (typeof raw.description !== 'string' || !raw.description.trim()) return 'needs a "description" saying what the case proves';
  if (typeof raw.locale !== 'string' || !LOCALES.has(raw.locale)) return '"locale" must be zh-CN, zh-TW or en';
  const expected = raw.expect as Record<string, unknown> | undefined;
  if (!expected || typeof expected !== 'object') return 'needs "expect" with the five flags';
  const missing = DIMENSIONS.filter((d) => typeof expected[d] !== 'boolean');
  if (missing.length) return `"expect" lacks ${missing.join(', ')}`;
  return undefined;
}

/** Loads every `*.jsonl` under `root`; throws listing bad lines and duplicate cases with file:line. */
export function loadFlagCorpus(root: string): FlagCase[] {
  const cases: FlagCase[] = [];
  const problems: string[] = [];
  const seenIds = new Map<string, string>();
  const seenReplies = new Map<string, string>();
  if (!existsSync(root)) return cases;
  for (const name of readdirSync(root)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    const path = join(root, name);
    const file = relative(process.cwd(), path);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const line = index + 1;
        if (!text.trim()) return;
        let raw: Record<string, unknown>;
        try {
          raw = JSON.parse(text) as Record<string, unknown>;
        } catch (error) {
          problems.push(`${file}:${line}: not valid JSON (${(error as Error).message})`);
          return;
        }
        const problem = problemIn(raw);
        if (problem) {
          problems.push(`${file}:${line}: ${problem}`);
          return;
        }
        const c = { ...(raw as unknown as FlagCase), file, line };
        const where = `${file}:${line}`;
        const firstId = seenIds.get(c.id);
        if (firstId) problems.push(`${where}: duplicate id '${c.id}' (first at ${firstId})`);
        else seenIds.set(c.id, where);
        // The same reply to the same customer line is the same case, whatever its id.
        const key = JSON.stringify([c.locale, c.scenario ?? '', c.customer ?? '', c.interrupted ?? false, c.reply.trim()]);
        const firstReply = seenReplies.get(key);
        if (firstReply) problems.push(`${where}: duplicate case (same reply and context as ${firstReply})`);
        else seenReplies.set(key, where);
        cases.push(c);
      });
  }
  if (problems.length) throw new FlagCorpusError(`flag corpus problems:\n${problems.join('\n')}`);
  return cases;
}
