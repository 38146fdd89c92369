// What one evaluator or check found in a reply, as the tests compare it.
import { evaluateReply, type Finding, type ReplyContext } from '../../evaluators/index.ts';

/** Each finding of `evaluator` in the reply as "rule:words", in reply order. */
export function ruleAndWords(reply: string, context: ReplyContext, evaluator: Finding['evaluator']): string[] {
  return evaluateReply(reply, context)
    .findings.filter((f) => f.evaluator === evaluator)
    .map((f) => `${f.rule}:${f.text}`);
}
