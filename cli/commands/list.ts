import type { Command } from '../command.ts';
import { parseOptions } from '../args.ts';
import { loadLibrary } from '../../scenarios/index.ts';

const usage = `Usage: roleplay list [--locale zh-CN|en] [--json]

Lists the scenarios in the library: id, difficulty, locales and title.`;

const command: Command = {
  name: 'list',
  summary: 'list the scenarios (id, title, difficulty, locales)',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(argv, { locale: { type: 'string' }, json: { type: 'boolean' } }, false);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const locale = values.locale === 'en' ? 'en' : 'zh-CN';
    const { scenarios, errors } = loadLibrary();
    for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.path}: ${e.message}\n`);
    const rows = [...scenarios.values()].map((s) => ({ id: s.id, title: s.title[locale], difficulty: s.difficulty, locales: s.locales }));
    if (values.json) {
      for (const row of rows) io.stdout.write(`${JSON.stringify(row)}\n`);
    } else {
      const width = Math.max(2, ...rows.map((r) => r.id.length));
      for (const r of rows) io.stdout.write(`${r.id.padEnd(width)}  ${String(r.difficulty).padEnd(6)}  ${r.locales.join(',').padEnd(8)}  ${r.title}\n`);
      if (!rows.length) io.stdout.write('no scenarios found\n');
    }
    return errors.length && !rows.length ? 1 : 0;
  },
};
export default command;
