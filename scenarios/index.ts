// Public entry of the scenario core: the library, the engine, the score card.
import type { InputLocale, ScoreCard, SessionOutcome } from '../evaluators/index.ts';
import * as engine from './engine.ts';
import type { ReplyResult, SessionStateJson, StartOptions, TurnOutput } from './engine-types.ts';
import type { Scenario } from './model.ts';
import { scoreCard } from './score-card.ts';

export type * from './engine-types.ts';
export { NO_PACING } from './engine-types.ts';
export type { Scenario, State, Transition, Intent, Fact, LineVariant } from './model.ts';
export { loadLibrary, loadScenarioFile, scenarioFiles, LIBRARY_DIR, SCHEMA_PATH, type ValidationError, type Library } from './load.ts';
export { scenarioRules, sessionOutcome, SESSION_VERSION } from './engine.ts';
/** The reply limit the engine applies (decided by the evaluators' clipReply). */
export { MAX_REPLY_CHARS } from '../evaluators/index.ts';
export { scoreCard } from './score-card.ts';
export { recognise } from './intents.ts';

export function startSession(scenario: Scenario, options: StartOptions): { session: SessionStateJson; output: TurnOutput } {
  return engine.startSession(scenario, options);
}

export function replyToSession(scenario: Scenario, session: SessionStateJson, text: string, now: number): ReplyResult {
  return engine.replyToSession(scenario, session, text, now);
}

export function endSession(
  scenario: Scenario,
  session: SessionStateJson,
  now: number,
  reason: SessionOutcome,
): { session: SessionStateJson; output: TurnOutput; card: ScoreCard } {
  const ended = engine.endSession(scenario, session, now, reason);
  return { ...ended, card: scoreCard(scenario, ended.session) };
}

export function hint(scenario: Scenario, session: SessionStateJson, locale: InputLocale): string {
  return engine.hint(scenario, session, locale);
}
