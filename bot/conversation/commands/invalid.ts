// A card submit whose data makes no sense.
import type { BotCommandHandler } from './command.ts';

export const invalid: BotCommandHandler<'invalid'> = {
  needsEngine: false,
  run: (turn) => turn.send(turn.m.badSubmit),
};
