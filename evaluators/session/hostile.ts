// Which findings attack the customer rather than serve them.
import type { Finding } from '../types.ts';

/** Blaming, a flat denial, an insult or a threat: faults that undo whatever else the reply does. */
const HOSTILE = new Set(['blame-customer', 'flat-denial', 'insult', 'threat']);

/** Whether the findings show the reply turning on the customer. */
export function turnsOnCustomer(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.polarity === 'bad' && HOSTILE.has(f.rule));
}
