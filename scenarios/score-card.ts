// The end-of-session score card: the evaluators' card builder, fed from the
// session's compact turn log (the session keeps summaries, not full evaluations).
import { buildScoreCard } from '../evaluators/report/score-card.ts';
import type { Dimension, EvaluatorId, Finding, ScoreCard, ScoredTurn } from '../evaluators/types.ts';
import { DIMENSIONS } from '../evaluators/types.ts';
import type { EngineSession, TurnSummary } from './engine.ts';
import type { Scenario } from './model.ts';
import type { SessionStateJson } from './engine-types.ts';

function toScoredTurn(t: TurnSummary, index: number): ScoredTurn {
  const flags = (on: Dimension[]) => Object.fromEntries(DIMENSIONS.map((d) => [d, on.includes(d)])) as Record<Dimension, boolean>;
  const findings: Finding[] = [];
  // Older summaries (v1 before this field was a list) are skipped rather than misread.
  for (const f of Array.isArray(t.f) ? t.f : []) {
    if (!Array.isArray(f) || f.length < 5) continue;
    const [evaluator, rule, text, message, suggestion] = f;
    findings.push({
      evaluator: evaluator as EvaluatorId,
      rule,
      span: [0, text.length],
      text,
      polarity: 'bad',
      message,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  for (const g of Array.isArray(t.g) ? t.g : []) {
    if (!Array.isArray(g) || g.length < 3) continue;
    const [evaluator, rule, text] = g;
    findings.push({ evaluator: evaluator as EvaluatorId, rule, span: [0, text.length], text, polarity: 'good', message: '' });
  }
  // Extra checks already quoted above (provoking words) are not counted twice.
  for (const [check, good] of t.x ?? []) {
    if (!good && findings.some((f) => f.evaluator === check && f.polarity === 'bad')) continue;
    findings.push({ evaluator: check as EvaluatorId, rule: check, span: [0, 0], text: '', polarity: good ? 'good' : 'bad', message: '' });
  }
  return {
    turn: index + 1,
    customer: t.c,
    reply: t.r,
    evaluation: { detected: flags(t.d), scores: t.s, applicable: flags(t.a), findings },
    ...(t.st ? { state: t.st } : {}),
    intents: t.k ?? [],
  };
}

export function scoreCard(scenario: Scenario, previous: SessionStateJson): ScoreCard {
  const session = previous as EngineSession;
  const turns = (session.log ?? []).map(toScoredTurn);
  return buildScoreCard(turns, {
    scenarioId: scenario.id,
    title: scenario.title[session.locale],
    locale: session.locale,
    outcome: session.ended?.outcome ?? 'abandoned',
    weights: scenario.evaluation.weights,
    keyMoments: scenario.keyMoments,
  });
}
