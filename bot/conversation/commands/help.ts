// help, list: the greeting, the commands and the scenario picker.
import type { BotCommandHandler } from './command.ts';

export const help: BotCommandHandler<'help' | 'list'> = {
  needsEngine: false,
  run: (turn) => turn.greet(),
};
