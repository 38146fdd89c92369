// Plays a whole session of replies through the scenario engine (pacing off) and returns its
// score card, as the CLI's `play` does when its input ends: a session still open is ended as abandoned.
import { endSession, loadLibrary, replyToSession, startSession, type ScoreCard, type SessionStateJson } from '../../scenarios/index.ts';
import type { InputLocale } from '../../evaluators/types.ts';

export function playSession(scenarioId: string, locale: InputLocale, replies: string[]): { card: ScoreCard; session: SessionStateJson } {
  const scenario = loadLibrary().scenarios.get(scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${scenarioId}`);
  let now = 1_000;
  let { session } = startSession(scenario, { locale, seed: 7, now });
  for (const reply of replies) {
    if (session.ended) break;
    now += 5_000;
    session = replyToSession(scenario, session, reply, now).session;
  }
  const ended = endSession(scenario, session, now + 5_000, session.ended?.outcome ?? 'abandoned');
  return { card: ended.card, session: ended.session };
}
