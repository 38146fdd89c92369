import type { Command } from '../command.ts';
import { parseOptions } from '../args.ts';
import { loadLibrary } from '../../scenarios/index.ts';

const USAGE = `Usage: roleplay list [--json]

Lists the scenarios in the library: id, difficulty, locales and title.

Options:
  --json       one JSON object per scenario and line
  -h, --help   show this help`;

const command: Command = {
  name: 'list',
  summary: 'List the scenarios',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseOptions(argv, { json: { type: 'boolean' } }, false);
    const { scenarios, errors } = loadLibrary();
    for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`);
    const all = [...scenarios.values()];
    if (values.json) {
      for (const s of all)
        io.stdout.write(
          `${JSON.stringify({ id: s.id, title: s.title, difficulty: s.difficulty, locales: s.locales, setting: s.setting })}\n`,
        );
    } else {
      const width = Math.max(2, ...all.map((s) => s.id.length));
      io.stdout.write(`${'ID'.padEnd(width)}  DIFFICULTY  LOCALES    TITLE\n`);
      for (const s of all)
        io.stdout.write(
          `${s.id.padEnd(width)}  ${s.difficulty.padEnd(10)}  ${s.locales.join(',').padEnd(9)}  ${s.title['zh-CN']} / ${s.title.en}\n`,
        );
    }
    return errors.length ? 1 : 0;
  },
};
export default command;
