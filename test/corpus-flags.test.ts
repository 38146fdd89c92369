// The flag corpus (test/corpus-flags/*.jsonl): labelled replies scored as `roleplay
// score` scores them, gated per locale and per flag (test/gates.yaml). The sealed
// part (test/corpus-flags/sealed/*.jsonl) is never used to write rules: it is
// scored and printed separately in every run, against its own lower gates, so the
// suite also says how the rules do on replies nobody tuned them to.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { evaluateReply } from '../evaluators/index.ts';
import type { InputLocale } from '../evaluators/types.ts';
import { FlagCorpusError, loadFlagCorpus, type FlagCase } from './support/flag-corpus.ts';
import { scenarioRulesLookup } from '../cli/score/scenario-rules.ts';
import { KnownMisses, ratchetMessage } from './support/known-misses.ts';
import { count, emptyTally, gateFailures, loadGates, LOCALES, table, type GateSet } from './support/gates.ts';

const ROOT = fileURLToPath(new URL('./corpus-flags/', import.meta.url));
const SEALED = join(ROOT, 'sealed');
const OUTSIDE = join(ROOT, 'outside');
const BLIND3 = join(ROOT, 'blind3');
const BLIND4 = join(ROOT, 'blind4');
const BLIND5 = join(ROOT, 'blind5');
const BLIND6 = join(ROOT, 'blind6');
const BLIND7 = join(ROOT, 'blind7');
const BLIND8 = join(ROOT, 'blind8');
const BLIND9 = join(ROOT, 'blind9');
const BLIND10 = join(ROOT, 'blind10');
const BLIND11 = join(ROOT, 'blind11');
const BLIND12 = join(ROOT, 'blind12');
const BLIND13 = join(ROOT, 'blind13');
const BLIND14 = join(ROOT, 'blind14');
const BLIND15 = join(ROOT, 'blind15');
const gates = loadGates();
// Each case and flag wrong today, per batch and locale (test/known-misses/flags.txt).
const known = new KnownMisses('flags.txt');

async function score(cases: FlagCase[], locale: InputLocale) {
  const { lookup } = await scenarioRulesLookup();
  const tally = emptyTally();
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const c of cases.filter((x) => x.locale === locale)) {
    const result = evaluateReply(c.reply, {
      locale: c.locale,
      customer: c.customer,
      history: c.history,
      interrupted: c.interrupted,
      scenario: c.scenario ? lookup(c.scenario) : undefined,
    });
    for (const d of count(tally, c.expect, result)) {
      missed.push(`${c.id} ${d}`);
      const words = result.findings
        .filter((f) => f.evaluator === d)
        .map((f) => `${f.rule} "${f.text}"`)
        .join('; ');
      wrong.push(
        `${c.file}:${c.line} ${c.id} ${d}: expected ${c.expect[d]}, got ${!c.expect[d]} — ${c.description}\n    reply: ${c.reply}${words ? `\n    found: ${words}` : ''}`,
      );
    }
  }
  return { tally, wrong, missed, n: cases.filter((x) => x.locale === locale).length };
}

function gated(name: string, load: () => FlagCase[], set: GateSet, showWrong: boolean): void {
  for (const locale of LOCALES) {
    it(`${name} ${locale}: enough cases per flag, F1 at or above its gate`, async () => {
      const r = await score(load(), locale);
      console.log(
        [
          table(`\n${name} ${locale}: ${r.n} cases`, r.tally),
          ...(showWrong && r.wrong.length ? [`Flags the evaluators get wrong (${r.wrong.length}):`, ...r.wrong] : []),
        ].join('\n'),
      );
      expect(gateFailures(locale, r.tally, set[locale])).toEqual([]);
      const ratchet = known.check(`${name.toLowerCase().replace(/ /g, '-')} ${locale}`, r.missed);
      expect(ratchet, ratchetMessage(known, ratchet)).toEqual({ newMisses: [], nowRight: [] });
    });
  }
}

describe('flag corpus', () => {
  gated('Flag corpus', () => loadFlagCorpus(ROOT), gates.flags, true);

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
      expect(() => loadFlagCorpus(dir)).toThrow(/x\.jsonl:2: duplicate case[\s\S]*x\.jsonl:3: needs a "description"/);
      expect(() => loadFlagCorpus(dir)).toThrow(FlagCorpusError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flag corpus, outside batch', () => {
  gated('Outside flag corpus', () => loadFlagCorpus(OUTSIDE), gates.outside, true);
});

describe('flag corpus, third blind batch', () => {
  gated('Third blind flag corpus', () => loadFlagCorpus(BLIND3), gates.blind3, true);
});

describe('flag corpus, fourth blind batch', () => {
  gated('Fourth blind flag corpus', () => loadFlagCorpus(BLIND4), gates.blind4, true);
});

describe('flag corpus, fifth blind batch', () => {
  gated('Fifth blind flag corpus', () => loadFlagCorpus(BLIND5), gates.blind5, true);
});

describe('flag corpus, sixth blind batch', () => {
  gated('Sixth blind flag corpus', () => loadFlagCorpus(BLIND6), gates.blind6, true);
});

describe('flag corpus, seventh blind batch', () => {
  gated('Seventh blind flag corpus', () => loadFlagCorpus(BLIND7), gates.blind7, true);
});

describe('flag corpus, eighth blind batch', () => {
  gated('Eighth blind flag corpus', () => loadFlagCorpus(BLIND8), gates.blind8, true);
});

describe('flag corpus, ninth blind batch', () => {
  gated('Ninth blind flag corpus', () => loadFlagCorpus(BLIND9), gates.blind9, true);
});

describe('flag corpus, tenth blind batch', () => {
  gated('Tenth blind flag corpus', () => loadFlagCorpus(BLIND10), gates.blind10, true);
});

describe('flag corpus, eleventh blind batch', () => {
  gated('Eleventh blind flag corpus', () => loadFlagCorpus(BLIND11), gates.blind11, true);
});

describe('flag corpus, twelfth blind batch', () => {
  gated('Twelfth blind flag corpus', () => loadFlagCorpus(BLIND12), gates.blind12, true);
});

describe('flag corpus, thirteenth blind batch', () => {
  gated('Thirteenth blind flag corpus', () => loadFlagCorpus(BLIND13), gates.blind13, true);
});

describe('flag corpus, fourteenth blind batch', () => {
  gated('Fourteenth blind flag corpus', () => loadFlagCorpus(BLIND14), gates.blind14, true);
});

describe('flag corpus, fifteenth blind batch', () => {
  gated('Fifteenth blind flag corpus', () => loadFlagCorpus(BLIND15), gates.blind15, true);
});

// Scored and printed in every run, against its own gates (set once, below its first measurement).
describe('flag corpus, sealed part', () => {
  it('is in place', () => {
    expect(existsSync(SEALED), `${SEALED} is missing`).toBe(true);
    expect(loadFlagCorpus(SEALED).length).toBeGreaterThan(0);
  });
  gated('Sealed flag corpus', () => loadFlagCorpus(SEALED), gates.sealed, false);
});
