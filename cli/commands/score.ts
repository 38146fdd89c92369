import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay score`.
const command: Command = {
  name: 'score',
  summary: 'not available yet',
  usage: 'Usage: roleplay score (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay score: not available yet\n');
    return 1;
  },
};
export default command;
