// Session pairs a trainer ranks: two whole sessions of one scenario and locale, the trainer clearly
// prefers `better`. The score card's overall must be strictly higher for `better` (a tie fails),
// in at least 95% of the pairs, over every file in test/session-pairs/.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../scenarios/index.ts';
import { playSession } from './support/play-session.ts';
import { KnownMisses, ratchetMessage } from './support/known-misses.ts';

const ROOT = fileURLToPath(new URL('./session-pairs/', import.meta.url));
const MIN_ORDERED = 0.95;

interface Pair {
  file: string;
  line: number;
  id: string;
  scenario: string;
  locale: 'zh-CN' | 'en';
  better: string[];
  worse: string[];
  why?: string;
}

function loadPairs(): { pairs: Pair[]; problems: string[] } {
  const pairs: Pair[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(ROOT)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    readFileSync(ROOT + name, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        if (!text.trim()) return;
        const where = `test/session-pairs/${name}:${i + 1}`;
        let raw: Partial<Pair>;
        try {
          raw = JSON.parse(text) as Partial<Pair>;
        } catch {
          problems.push(`${where}: not valid JSON`);
          return;
        }
        const lists = [raw.better, raw.worse].every((l) => Array.isArray(l) && l.length > 0 && l.every((r) => typeof r === 'string'));
        if (!raw.id || !raw.scenario || (raw.locale !== 'zh-CN' && raw.locale !== 'en') || !lists) {
          problems.push(`${where}: needs id, scenario, locale (zh-CN or en), better and worse (lists of replies)`);
          return;
        }
        if (ids.has(raw.id)) problems.push(`${where}: duplicate id ${raw.id}`);
        ids.add(raw.id);
        pairs.push({ ...(raw as Pair), file: name, line: i + 1 });
      });
  }
  return { pairs, problems };
}

describe('session pairs a trainer ranks', () => {
  const { pairs, problems } = loadPairs();
  const library = loadLibrary();
  const wrong: string[] = [];
  const outOfOrder: string[] = [];
  let ordered = 0;
  for (const p of pairs) {
    if (!library.scenarios.has(p.scenario)) {
      wrong.push(`${p.file}:${p.line} ${p.id}: unknown scenario ${p.scenario}`);
      continue;
    }
    const better = playSession(p.scenario, p.locale, p.better).card;
    const worse = playSession(p.scenario, p.locale, p.worse).card;
    if (better.overall > worse.overall) {
      ordered++;
      continue;
    }
    outOfOrder.push(p.id);
    wrong.push(
      `${p.file}:${p.line} ${p.id}: better ${better.overall} (${better.outcome}) ≤ worse ${worse.overall} (${worse.outcome}) — ${p.why ?? ''}`,
    );
  }
  const share = pairs.length ? ordered / pairs.length : 0;
  console.log(`\nSession pairs: ${ordered}/${pairs.length} ordered (${(100 * share).toFixed(1)}%)`);
  if (wrong.length) console.log(`Pairs out of order (${wrong.length}):\n${wrong.join('\n')}\n`);

  it('every pair line is well formed', () => {
    expect(problems).toEqual([]);
  });

  it('covers every scenario in both locales', () => {
    for (const id of library.scenarios.keys())
      for (const locale of ['zh-CN', 'en'])
        expect(
          pairs.some((p) => p.scenario === id && p.locale === locale),
          `${id} ${locale}`,
        ).toBe(true);
  });

  it(`orders at least ${MIN_ORDERED * 100}% of the pairs as the trainer does (a tie is out of order)`, () => {
    expect(pairs.length).toBeGreaterThanOrEqual(30);
    expect(share).toBeGreaterThanOrEqual(MIN_ORDERED);
  });

  it('still orders every pair it ordered before (test/known-misses/pairs.txt lists those it does not)', () => {
    const known = new KnownMisses('pairs.txt');
    const ratchet = known.check('pairs', outOfOrder);
    expect(ratchet, ratchetMessage(known, ratchet)).toEqual({ newMisses: [], nowRight: [] });
  });
});
