import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay serve`.
const command: Command = {
  name: 'serve',
  summary: 'not available yet',
  usage: 'Usage: roleplay serve (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay serve: not available yet\n');
    return 1;
  },
};
export default command;
