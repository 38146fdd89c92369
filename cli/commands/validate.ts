import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import { LIBRARY_DIR, loadScenarioFile, scenarioFiles } from '../../scenarios/index.ts';
import type { ValidationError } from '../../scenarios/index.ts';

const usage = `Usage: roleplay validate [paths...]

Checks scenario files (a file or a folder of .yaml files; default: the built-in library).
Every problem is printed as file:line:column: field: what is wrong.
Exit 0 when all files are valid, 1 when any is not, 2 on a usage error.`;

function format(e: ValidationError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.path}: ${e.message}`;
}

const command: Command = {
  name: 'validate',
  summary: 'check scenario files (schema, references, reachability, locale text)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, {});
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const paths = positionals.length ? positionals.map((p) => resolve(io.cwd, p)) : [LIBRARY_DIR];
    const { files, missing } = scenarioFiles(paths);
    if (missing.length) throw new UsageError(`no such file or folder: ${missing.join(', ')}`);
    if (!files.length) {
      io.stderr.write('roleplay validate: no scenario files (.yaml) found\n');
      return 1;
    }
    let bad = 0;
    for (const file of files) {
      const { errors } = loadScenarioFile(file, io.cwd);
      if (errors.length) {
        bad += 1;
        for (const e of errors) io.stdout.write(`${format(e)}\n`);
      }
    }
    io.stdout.write(bad ? `${bad} of ${files.length} scenario file(s) invalid\n` : `${files.length} scenario file(s) valid\n`);
    return bad ? 1 : 0;
  },
};
export default command;
