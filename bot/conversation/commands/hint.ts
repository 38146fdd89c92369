// 提示: what the customer needs next, in practice mode only.
import type { BotCommandHandler } from './command.ts';

export const hint: BotCommandHandler<'hint'> = {
  needsEngine: true,
  run({ data, locale, m, send }, _command, engine) {
    const scenario = data.scenarioId ? engine.scenarios.get(data.scenarioId) : undefined;
    if (!scenario || !data.session || data.session.ended) return send(m.noSession);
    if (data.session.mode === 'exam') return send(m.examNoHint);
    send(m.hintPrefix + engine.hint(scenario, data.session, locale));
  },
};
