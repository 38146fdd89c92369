// A trainee objects to a finding on the score card; a trainer reviews it later.
import type { BotCommandHandler } from './command.ts';

export const dispute: BotCommandHandler<'dispute'> = {
  needsEngine: false,
  async run(turn, command) {
    const found = await turn.disputedFinding(command);
    if (!found) return turn.send(turn.m.disputeUnknown);
    await turn.options.records.addDispute({ ...found, ...(command.comment ? { comment: command.comment } : {}), createdAt: turn.now() });
    turn.send(turn.m.disputed);
  },
};
