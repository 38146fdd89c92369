import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay validate`.
const command: Command = {
  name: 'validate',
  summary: 'not available yet',
  usage: 'Usage: roleplay validate (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay validate: not available yet\n');
    return 1;
  },
};
export default command;
