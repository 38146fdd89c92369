// Gaming traps against real attempts, for every scenario in both locales, built from the
// scenario's own data: the model session says its key moments' examples in order; the traps
// are a short guarantee, the scenario's solution terms as a keyword list, a pasted sympathy
// formula, courtesy with no help and a rude session. Every order must hold, with no tie.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DIMENSIONS, evaluateReply } from '../evaluators/index.ts';
import { loadLibrary, recognise, scenarioRules } from '../scenarios/index.ts';
import { playSession } from './support/play-session.ts';

type Locale = 'zh-CN' | 'en';
const TRAPS = parse(readFileSync(fileURLToPath(new URL('./fixtures/traps/sessions.yaml', import.meta.url)), 'utf8')) as Record<
  Locale,
  Record<'guarantee' | 'pasted' | 'polite' | 'poor', string[]>
>;

describe('gaming traps score below a real attempt', () => {
  const library = loadLibrary();
  const wrong: string[] = [];
  const examples: string[] = [];
  for (const s of library.scenarios.values()) {
    for (const locale of ['zh-CN', 'en'] as const) {
      if (!s.locales.includes(locale)) continue;
      const moments = (s.keyMoments ?? []).filter((k) => !k.every);
      const model = moments.map((k) => k.example[locale]);
      const listening = moments
        .filter((k) => k.dimension === 'interrupting' || k.when.shows?.includes('listening'))
        .map((k) => k.example[locale]);
      const terms = s.evaluation?.solutionTerms?.[locale] ?? [];
      const stuffing = [terms.join(locale === 'en' ? ', ' : '，') + (locale === 'en' ? '.' : '。'), ...model.slice(-1)];
      const t = TRAPS[locale];
      const overall = (replies: string[]) => playSession(s.id, locale, replies).card.overall;
      const m = overall(model);
      const abandoned = overall(model.slice(0, 2));
      const checks: [string, number, number][] = [
        ['model > short guarantee', m, overall(t.guarantee)],
        ['model > keyword list', m, overall(stuffing)],
        ['model > pasted sympathy', m, overall(t.pasted)],
        ['model > polite with no help', m, overall(t.polite)],
        ['abandoned model > rude session', abandoned, overall(t.poor)],
        ['abandoned model > polite with no help', abandoned, overall(t.polite)],
        ['model > its questions and play-backs alone', m, overall(listening.length ? listening : model.slice(0, 1))],
      ];
      for (const [name, better, worse] of checks) if (better <= worse) wrong.push(`${s.id} ${locale}: ${name} (${better} ≤ ${worse})`);
      // Each example shows what its moment asks for, so the model session is one.
      for (const k of moments) {
        const ex = k.example[locale];
        const e = evaluateReply(ex, { locale });
        // Said in its own scenario, the better phrasing raises none of the five faults (its terms, its promises).
        const own = evaluateReply(ex, { locale, scenario: scenarioRules(s) });
        for (const f of own.findings)
          if (f.polarity === 'bad' && DIMENSIONS.includes(f.evaluator as never))
            examples.push(`${s.id} ${locale} ${k.id}: ${f.evaluator} "${f.text}" in "${ex}"`);
        for (const d of k.when.shows ?? [])
          if (d !== 'listening' && !e.detected[d]) examples.push(`${s.id} ${locale} ${k.id}: no ${d} in "${ex}"`);
        if (k.when.intent && !k.when.intent.some((i) => recognise(ex, locale, s.intents).includes(i)))
          examples.push(`${s.id} ${locale} ${k.id}: no ${k.when.intent.join('|')} in "${ex}"`);
        for (const a of k.when.avoids ?? [])
          if (e.findings.some((f) => f.evaluator === a && f.polarity === 'bad'))
            examples.push(`${s.id} ${locale} ${k.id}: shows ${a} in "${ex}"`);
      }
    }
  }

  it('every key moment example shows what its moment asks for', () => {
    expect(examples).toEqual([]);
  });

  it('every trap scores strictly below the real attempt it is set against', () => {
    expect(wrong).toEqual([]);
  });
});
