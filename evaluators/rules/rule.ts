import type { Dimension, EvaluatorId, Finding, LocalizedText, ReplyContext } from '../types.ts';
import type { PreparedReply } from '../engine/prepare.ts';

export interface RuleMeta {
  id: EvaluatorId;
  /** The score dimension it feeds; extra checks feed the score card only. */
  dimension: Dimension | 'extra';
  /** Good flags credit the trainee when detected (empathy, problem solving). */
  polarity: 'good' | 'bad';
  description: LocalizedText;
  /** Message ids with their text; `{words}` is the trainee's words. */
  messages: Record<string, LocalizedText>;
}

export interface Rule {
  meta: RuleMeta;
  /** Pure: the same reply and context always give the same findings, in any order (evaluateReply orders them). */
  check(reply: PreparedReply, context: ReplyContext): Finding[];
}
