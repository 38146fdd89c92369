// Public entry of the evaluators. PLACEHOLDER until the evaluator modules land:
// detects nothing, so callers can integrate against the real signature.
import type { ReplyContext, ReplyEvaluation } from './types.ts';
import { DIMENSIONS } from './types.ts';

export * from './types.ts';

export function evaluateReply(_reply: string, _context: ReplyContext): ReplyEvaluation {
  const flags = Object.fromEntries(DIMENSIONS.map((d) => [d, false])) as ReplyEvaluation['detected'];
  const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, 100])) as ReplyEvaluation['scores'];
  const applicable = Object.fromEntries(DIMENSIONS.map((d) => [d, true])) as ReplyEvaluation['applicable'];
  return { detected: flags, scores, applicable, findings: [] };
}
