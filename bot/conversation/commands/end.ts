// 结束 ends the session with its score card; 成绩 shows the card so far (not during an exam).
import { scoreCardAttachment } from '../cards.ts';
import type { BotCommandHandler } from './command.ts';

export const end: BotCommandHandler<'end' | 'score'> = {
  needsEngine: true,
  async run(turn, command, engine) {
    const { data, locale, m, send } = turn;
    const scenario = data.scenarioId ? engine.scenarios.get(data.scenarioId) : undefined;
    if (!scenario || !data.session) return send(m.noSession);
    if (command.kind === 'score' && !data.session.ended && data.session.mode === 'exam') return send(m.examNoScore);
    if (command.kind === 'score' || data.session.ended) {
      const card = await engine.scoreCard(scenario, data.session);
      return send({ type: 'message', attachments: [scoreCardAttachment(card, locale, !!data.session.ended, data.sessionId)] });
    }
    return turn.finish(scenario, 'abandoned', turn.now());
  },
};
