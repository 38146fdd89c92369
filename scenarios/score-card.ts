// The end-of-session score card: the evaluators' card builder, fed from the
// session's compact turn log (the session keeps summaries, not full evaluations).
import {
  buildScoreCard,
  type Dimension,
  type EvaluatorId,
  type Finding,
  type ListeningActs,
  type ReplyReading,
  type ScoreCard,
  type ScoredTurn,
  DIMENSIONS,
} from '../evaluators/index.ts';
import { sessionOutcome, type EngineSession } from './engine.ts';
import { LISTENING_ACTS, READING_MARKS, readTurnLog, type TurnSummary } from './turn-log.ts';
import type { Scenario } from './model.ts';
import type { SessionStateJson } from './engine-types.ts';

/** The log's list of the marks that held, as a record of every mark the log can list. */
function marked<K extends string>(all: readonly K[], on: readonly K[]): Record<K, boolean> {
  return Object.fromEntries(all.map((k) => [k, on.includes(k)])) as Record<K, boolean>;
}

function toScoredTurn(t: TurnSummary, index: number): ScoredTurn {
  const flags = (on: Dimension[]) => marked(DIMENSIONS, on);
  const findings: Finding[] = t.findings.map((f) => ({
    evaluator: f.evaluator as EvaluatorId,
    rule: f.rule,
    span: [0, f.text.length],
    text: f.text,
    polarity: 'bad',
    message: f.message,
    ...(f.suggestion ? { suggestion: f.suggestion } : {}),
  }));
  for (const c of t.credited ?? [])
    findings.push({
      evaluator: c.evaluator as EvaluatorId,
      rule: c.rule,
      span: [0, c.text.length],
      text: c.text,
      polarity: 'good',
      message: '',
    });
  for (const { check, good } of t.checks) {
    // Provoking words already quoted among the findings are not counted twice.
    if (!good && findings.some((f) => f.evaluator === check && f.polarity === 'bad')) continue;
    findings.push({ evaluator: check as EvaluatorId, rule: check, span: [0, 0], text: '', polarity: good ? 'good' : 'bad', message: '' });
  }
  return {
    turn: index + 1,
    customer: t.customer,
    reply: t.reply,
    evaluation: { detected: flags(t.detected), scores: t.scores, applicable: flags(t.applicable), findings },
    ...(t.state ? { state: t.state } : {}),
    intents: t.intents ?? [],
    ...(t.listening ? { listening: marked<keyof ListeningActs>(LISTENING_ACTS, t.listening) } : {}),
    ...(t.reading ? { reading: marked<keyof ReplyReading>(READING_MARKS, t.reading) } : {}),
  };
}

export function scoreCard(scenario: Scenario, previous: SessionStateJson): ScoreCard {
  const session = previous as EngineSession;
  const turns = readTurnLog(session.log).map(toScoredTurn);
  return buildScoreCard(turns, {
    scenarioId: scenario.id,
    title: scenario.title[session.locale],
    locale: session.locale,
    outcome: sessionOutcome(session) ?? 'abandoned',
    weights: scenario.evaluation.weights,
    keyMoments: scenario.keyMoments,
  });
}
