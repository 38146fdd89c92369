import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay list`.
const command: Command = {
  name: 'list',
  summary: 'not available yet',
  usage: 'Usage: roleplay list (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay list: not available yet\n');
    return 1;
  },
};
export default command;
