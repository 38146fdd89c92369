import type { Command } from '../command.ts';

// PLACEHOLDER: replaced by the issue that builds `roleplay report`.
const command: Command = {
  name: 'report',
  summary: 'not available yet',
  usage: 'Usage: roleplay report (not available yet)',
  async run(_argv, io) {
    io.stderr.write('roleplay report: not available yet\n');
    return 1;
  },
};
export default command;
