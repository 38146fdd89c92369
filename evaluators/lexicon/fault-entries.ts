import type { EvaluatorId } from '../types.ts';

/**
 * Whether a lexicon entry flags a fault (its words are what the trainee should not
 * say) rather than credits good practice. Empathy, problem solving and addressing
 * credit what they find; request wording credits requests and flags commands; the
 * other evaluators flag everything their lexicons find.
 */
export function entryFlagsFault(evaluator: EvaluatorId, rule: string): boolean {
  if (evaluator === 'empathy' || evaluator === 'problemSolving' || evaluator === 'addressing') return false;
  if (evaluator === 'requestWording') return rule === 'command-wording';
  return true;
}
