// 语言 中文|英文: the trainee's language, for this conversation and the trainee's next ones.
import { messages } from '../messages.ts';
import type { BotCommandHandler } from './command.ts';

export const language: BotCommandHandler<'language'> = {
  needsEngine: false,
  run(turn, command) {
    turn.data.locale = command.locale;
    turn.user.locale = command.locale;
    turn.send(messages(command.locale).language);
  },
};
