// 模式 练习|考试: practice (coaching and hints) or exam.
import type { BotCommandHandler } from './command.ts';

export const mode: BotCommandHandler<'mode'> = {
  needsEngine: false,
  run({ data, m, send }, command) {
    // The mode belongs to the session: an exam that turned into practice would coach and hint
    // while the record still says exam.
    if (data.session && !data.session.ended && data.session.mode !== command.mode) return send(m.modeLocked(data.session.mode));
    data.mode = command.mode;
    send(m.mode(command.mode));
  },
};
