// Faults counted over a session, each weighed by how much a trainer minds it. One table, so the
// session scores, the ranking of the tips and the coach all weigh a fault the same way.
import type { Dimension, Finding, ScoredTurn } from '../types.ts';

/** Points a fault costs its dimension (out of 100). */
const SEVERITY: Partial<Record<Dimension | 'provocative', Record<string, number>>> = {
  interrupting: { 'cut-in': 25, 'blame-customer': 25, 'flat-denial': 20, 'stop-talking': 20, 'never-wrong': 15, impatience: 12 },
  promises: { 'facts-rule-out': 40, 'beyond-authority': 30, 'absolute-guarantee': 30, 'certain-outcome': 30, 'unrealistic-deadline': 30 },
  jargon: {},
  provocative: { insult: 40 },
};
const DEFAULT_SEVERITY: Record<Dimension | 'provocative', number> = {
  interrupting: 15,
  promises: 30,
  jargon: 15,
  provocative: 30,
  empathy: 0,
  problemSolving: 0,
};

export type FaultKind = 'interrupting' | 'jargon' | 'promises' | 'provocative';
export const FAULT_KINDS: readonly FaultKind[] = ['interrupting', 'jargon', 'promises', 'provocative'];

export interface Fault {
  kind: FaultKind;
  turn: number;
  finding: Finding;
  /** Points this fault costs, already lowered when the same words were faulted before. */
  cost: number;
}

/** A fault of the session: a bad finding of one of the four kinds. */
export function isFault(f: Finding): boolean {
  return f.polarity === 'bad' && (FAULT_KINDS as readonly string[]).includes(f.evaluator);
}

export function severity(kind: FaultKind, rule: string): number {
  return SEVERITY[kind]?.[rule] ?? DEFAULT_SEVERITY[kind];
}

/** Every fault of the session; the same words faulted again cost half, so one habit is not counted as many. */
export function sessionFaults(turns: ScoredTurn[]): Fault[] {
  const faults: Fault[] = [];
  const seen = new Set<string>();
  for (const t of turns) {
    for (const f of t.evaluation.findings) {
      if (!isFault(f)) continue;
      const kind = f.evaluator as FaultKind;
      const key = `${kind}|${f.rule}|${f.text.toLowerCase()}`;
      const base = severity(kind, f.rule);
      faults.push({ kind, turn: t.turn, finding: f, cost: seen.has(key) ? Math.round(base / 2) : base });
      seen.add(key);
    }
  }
  return faults;
}

export function faultCost(faults: Fault[], kind: FaultKind): number {
  return faults.filter((f) => f.kind === kind).reduce((a, f) => a + f.cost, 0);
}
