// 开始 <场景>, 重来: a new session of a scenario (a running one is recorded as abandoned first).
import { randomUUID } from 'node:crypto';
import { briefingAttachment } from '../cards.ts';
import { localized } from '../engine-port.ts';
import type { BotCommandHandler } from './command.ts';

export const start: BotCommandHandler<'start' | 'restart'> = {
  needsEngine: true,
  async run(turn, command, engine) {
    const { context, data, locale, m, options, send } = turn;
    const id = command.kind === 'start' ? command.scenarioId : data.scenarioId;
    const scenario = id ? engine.scenarios.get(id) : undefined;
    if (!scenario) return send(id ? m.unknownScenario(id) : m.noSession);
    const now = turn.now();
    const previous = data.scenarioId ? engine.scenarios.get(data.scenarioId) : undefined;
    if (previous && data.session && !data.session.ended) {
      // A settled case is recorded as resolved: only its closing words were left.
      const settled = !!data.session.settled;
      await turn.abandon(previous, now);
      if (!settled) send(m.previousAbandoned);
    }
    const mode = data.mode ?? options.defaultMode;
    const { session, output } = engine.startSession(scenario, { locale, seed: now % 2147483647, now, pacing: options.pacing, mode });
    data.scenarioId = scenario.id;
    data.sessionId = randomUUID();
    data.session = session;
    await options.records.sessionStarted({
      sessionId: data.sessionId,
      trainee: { id: context.activity.from?.id ?? '', name: context.activity.from?.name, channel: context.activity.channelId ?? '' },
      conversationId: context.activity.conversation?.id ?? '',
      scenarioId: scenario.id,
      locale,
      mode,
      startedAt: now,
    });
    const title = localized(scenario.title, locale) || scenario.id;
    send(mode === 'exam' ? m.startedExam(title) : m.started(title));
    const briefing = briefingAttachment(scenario, locale);
    if (briefing) send({ type: 'message', attachments: [briefing] });
    return turn.speak(output, now);
  },
};
