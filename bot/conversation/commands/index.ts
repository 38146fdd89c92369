// The bot's commands, one per file, by the kind parse.ts gives them.
import type { AfterTurn, BotCommandHandler, CommandTurn, RegisteredHandler } from './command.ts';
import type { BotCommand } from './parse.ts';
import { dispute } from './dispute.ts';
import { end } from './end.ts';
import { help } from './help.ts';
import { hint } from './hint.ts';
import { history } from './history.ts';
import { invalid } from './invalid.ts';
import { language } from './language.ts';
import { mode } from './mode.ts';
import { start } from './start.ts';

export type { AfterTurn, CommandTurn } from './command.ts';
export { parseCommand, parseSubmit, type BotCommand } from './parse.ts';

/** Every kind has a handler; a handler may serve several kinds (its `run` tells them apart). */
const COMMANDS: Record<BotCommand['kind'], RegisteredHandler> = {
  help,
  list: help,
  invalid,
  language,
  mode,
  history,
  dispute,
  start,
  restart: start,
  end,
  score: end,
  hint,
};

export async function runCommand(turn: CommandTurn, command: BotCommand): Promise<AfterTurn> {
  const handler = COMMANDS[command.kind] as BotCommandHandler<BotCommand['kind']>;
  const engine = turn.options.engine;
  if (handler.needsEngine && !engine) return turn.send(turn.m.noEngine);
  // Commands that do not need the engine never read it.
  return handler.run(turn, command, engine as NonNullable<typeof engine>);
}
