// The corpus gates (test/gates.yaml): per locale and per evaluator, a minimum
// number of labelled cases and a minimum F1, and the tables every run prints.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { DIMENSIONS, type Dimension, type InputLocale, type ReplyEvaluation } from '../../evaluators/types.ts';
import { f1, type Confusion } from './corpus.ts';

export const LOCALES: readonly InputLocale[] = ['zh-CN', 'zh-TW', 'en'];

export interface Gate {
  /** Cases labelled true and cases labelled false, each at least this many. */
  minTrue: number;
  minFalse: number;
  /** F1 per evaluator: the figure measured when the gate was set, less a small margin. */
  f1: Record<Dimension, number>;
  /** Corpus only: labelled words a raised flag may leave uncovered (a ratchet, never raised). */
  maxMissedWords?: number;
}

export type GateSet = Record<InputLocale, Gate>;

export interface Gates {
  corpus: GateSet;
  flags: GateSet;
  /** The sealed part: gated below its measured figure. */
  sealed: GateSet;
  /** The outside batch: replies from services beyond the five scenarios. */
  outside: GateSet;
  /** The third blind batch: written without reading the rules, scored before tuning. */
  blind3: GateSet;
  /** The fourth blind batch: outside the scenarios, written before reading the word lists. */
  blind4: GateSet;
  /** The fifth blind batch: other trades again, written before reading the word lists. */
  blind5: GateSet;
  /** The sixth blind batch: trades beyond telecom, written before reading the word lists. */
  blind6: GateSet;
  /** The seventh blind batch: banks, hotels, restaurants, letting, IT desks and more, written before reading the word lists. */
  blind7: GateSet;
  /** The eighth blind batch: post offices, dentists, garages, building management, driving schools and more, written before reading the word lists. */
  blind8: GateSet;
  /** The ninth blind batch: gyms, pharmacies, car parks, EV charging, SaaS support, care homes, locksmiths, solar installers and more, written before reading the word lists. */
  blind9: GateSet;
  /** The tenth blind batch: wedding venues, pawn shops, escape rooms, music schools, electricians, tattoo studios, storage units and more, written before reading the word lists. */
  blind10: GateSet;
  /** The eleventh blind batch: funeral homes, notaries, translation and visa agencies, zoos, concert halls, jewellers, medical labs, kennels, farm supply, CCTV installers, auction houses and more, written before reading the word lists. */
  blind11: GateSet;
  /** The twelfth blind batch: freight forwarders, customs brokers, glaziers, septic-tank services, tree surgeons, pool maintenance, chiropractors, sleep clinics, milk rounds, marquee hire, cobblers, climbing walls and more, written before reading the word lists. */
  blind12: GateSet;
  /** The thirteenth blind batch: key cutting, newsstands, wet markets, street food, pet cremation, koi ponds, stairlifts, towing, windscreens, e-bike battery swap, telescopes, 3D printing, internet cafés, mahjong rooms and more, written before reading the word lists. */
  blind13: GateSet;
  /** The fourteenth blind batch: supermarket service desks, duty-free shops, live-stream and TV shopping, toll tags, formaldehyde testing, new-flat handover inspection, confinement centres, laser eye clinics, pottery studios, heating-oil delivery and more, written before reading the word lists. */
  blind14: GateSet;
  /** The fifteenth blind batch: e-wallet and buy-now-pay-later help lines, pension and debt-advice lines, web hosting, smart locks, home nursing, animal shelters, university accommodation and more, written before reading the word lists. */
  blind15: GateSet;
}

const GATES = fileURLToPath(new URL('../gates.yaml', import.meta.url));

export function loadGates(): Gates {
  return parse(readFileSync(GATES, 'utf8')) as Gates;
}

export type Tally = Record<Dimension, Confusion>;

export function emptyTally(): Tally {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Tally;
}

/** Adds one evaluated case: `want` holds the labelled flags (some may be unlabelled). */
export function count(tally: Tally, want: Partial<Record<Dimension, boolean>>, result: ReplyEvaluation): Dimension[] {
  const wrong: Dimension[] = [];
  for (const d of DIMENSIONS) {
    const expected = want[d];
    if (expected === undefined) continue;
    const got = result.detected[d];
    tally[d][expected && got ? 'tp' : expected ? 'fn' : got ? 'fp' : 'tn']++;
    if (expected !== got) wrong.push(d);
  }
  return wrong;
}

export function table(title: string, tally: Tally): string {
  const rows = DIMENSIONS.map((d) => {
    const c = tally[d];
    const r = f1(c);
    return `  ${d.padEnd(14)} ${String(c.tp + c.fn).padStart(5)} ${String(c.fp + c.tn).padStart(6)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${r.precision.toFixed(3)}  ${r.recall.toFixed(3)}  ${r.f1.toFixed(3)}`;
  });
  return [title, '  evaluator       true  false   FP   FN  precis  recall     F1', ...rows].join('\n');
}

/** Every way the tally misses its gate, as readable lines (empty when it passes). */
export function gateFailures(locale: InputLocale, tally: Tally, gate: Gate): string[] {
  const problems: string[] = [];
  for (const d of DIMENSIONS) {
    const c = tally[d];
    if (c.tp + c.fn < gate.minTrue) problems.push(`${locale} ${d}: ${c.tp + c.fn} cases labelled true, needs ${gate.minTrue}`);
    if (c.fp + c.tn < gate.minFalse) problems.push(`${locale} ${d}: ${c.fp + c.tn} cases labelled false, needs ${gate.minFalse}`);
    const score = f1(c).f1;
    if (score < gate.f1[d]) problems.push(`${locale} ${d}: F1 ${score.toFixed(3)} is below its gate ${gate.f1[d]}`);
  }
  return problems;
}
