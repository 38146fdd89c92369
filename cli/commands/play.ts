import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay play`.
const command: Command = {
  name: 'play',
  summary: 'not available yet',
  usage: 'Usage: roleplay play (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay play: not available yet\n');
    return 1;
  },
};
export default command;
