// Public entry of the evaluators: score one trainee reply.
import type { Finding, ReplyContext, ReplyEvaluation } from './types.ts';
import { EVALUATORS, EXTRAS } from './registry.ts';
import { prepareReply } from './engine/prepare.ts';
import { scoreFindings } from './scoring.ts';

export * from './types.ts';
export { EVALUATORS, EXTRAS } from './registry.ts';

/** Pure and deterministic: the same reply and context always give the same result. */
export function evaluateReply(reply: string, context: ReplyContext): ReplyEvaluation {
  const prepared = prepareReply(typeof reply === 'string' ? reply : String(reply ?? ''), context.locale);
  if (context.analysis && context.analysis.locale === prepared.locale && context.analysis.text === prepared.text)
    prepared.scratch.analysis = context.analysis;
  const findings: Finding[] = [];
  for (const rule of [...EVALUATORS, ...EXTRAS]) findings.push(...rule.check(prepared, context));
  findings.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  return scoreFindings(findings, context);
}
export { buildScoreCard, MISSING_ADVICE, DIMENSION_LABELS, STYLE_LABELS, type ScoreCardInfo } from './report/score-card.ts';
export { renderScoreCardText, keyMomentLine, SCORE_CARD_WORDS, OUTCOME_WORDS } from './report/render-text.ts';
export { coachPoints, type CoachInput } from './report/coach.ts';
export { evaluatorName } from './report/names.ts';
export { lexiconProblems } from './lexicon/load.ts';
export { warmUp } from './warm-up.ts';
export { clipReply, MAX_REPLY_CHARS, type ClippedReply } from './reply-limit.ts';
export { inputLocale, ruleLocale, textLocale } from './locale.ts';
export { segment, type Token } from './text/segment.ts';
export { simplify, type SimplifiedText } from './text/simplify.ts';
export { csvHeader, NO_SCENARIOS, type ScenarioSource } from './batch/score-line.ts';
export { scoreBatch, type BatchOptions, type BatchResult, type OutputFormat } from './batch/score-batch.ts';
export * from './analysis/index.ts';
export { clauseAround, findingQuote, shortQuote } from './text/clause.ts';
export { reloadRules } from './lexicon/reload.ts';
export { LEXICON_DIR } from './lexicon/load.ts';
