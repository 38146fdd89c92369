import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import { LIBRARY_DIR, loadScenarioFile } from '../../scenarios/index.ts';
import { testsFileOf } from '../scenario-tests.ts';

const USAGE = `Usage: roleplay new <id> [--dir DIR]

Writes a new scenario to start from: scenarios/library/<id>.yaml, every field commented in
zh-CN and English, and <id>.tests.yaml beside it with example conversations. The scaffold
validates as written; rewrite it with the manual's case, then run
  npx roleplay validate scenarios/library/<id>.yaml
  npx roleplay test <id>

Options:
  --dir DIR    write into DIR instead of the scenario library
  -h, --help   show this help

Exit status: 0 when written, 1 when a file of that name exists (it is never overwritten), 2 on misuse.`;

const template = (name: string) => readFileSync(new URL(`../templates/${name}`, import.meta.url), 'utf8');

const command: Command = {
  name: 'new',
  summary: 'Write a commented scenario scaffold that validates',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { dir: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('give the new scenario\'s id, e.g. "roleplay new sms-not-received"');
    const id = positionals[0] as string;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UsageError(`the id "${id}" may only hold lower-case letters, digits and dashes`);
    const dir = values.dir ? resolve(io.cwd, values.dir) : LIBRARY_DIR;
    const file = join(dir, `${id}.yaml`);
    const tests = testsFileOf(file);
    for (const f of [file, tests])
      if (existsSync(f)) {
        io.stderr.write(`roleplay new: ${relative(io.cwd, f) || f} already exists; nothing was written\n`);
        return 1;
      }
    if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
    writeFileSync(file, template('scenario.yaml').replaceAll('{{id}}', id));
    writeFileSync(tests, template('scenario.tests.yaml').replaceAll('{{id}}', id));
    const { errors } = loadScenarioFile(file, io.cwd);
    for (const e of errors) io.stderr.write(`${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`);
    io.stdout.write(`wrote ${relative(io.cwd, file) || file}\nwrote ${relative(io.cwd, tests) || tests}\n`);
    return errors.length ? 1 : 0;
  },
};
export default command;
