import { resolve } from 'node:path';
import type { Command } from '../command.ts';
import { parseOptions } from '../args.ts';
import { LIBRARY_DIR, loadScenarioFile, scenarioFiles, type ValidationError } from '../../scenarios/index.ts';
import { conceptProblems } from '../../evaluators/index.ts';

const USAGE = `Usage: roleplay validate [paths...]

Checks scenario files (YAML): the schema, and what a schema cannot see —
transitions to unknown states, unreachable states, states with no way to an
ending, missing zh-CN/en text, duplicate ids, undefined fact references.
Paths may be files or folders (default: the shipped scenario library).

Each problem is printed as file:line:column  field.path  what is wrong.

Options:
  -h, --help   show this help

Exit status: 0 when every file is valid, 1 when any is not, 2 on misuse.`;

function format(e: ValidationError): string {
  return `${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`;
}

const command: Command = {
  name: 'validate',
  summary: 'Check scenario files (schema, states, locales)',
  usage: USAGE,
  async run(argv, io) {
    const { positionals } = parseOptions(argv, {});
    const paths = positionals.length ? positionals.map((p) => resolve(io.cwd, p)) : [LIBRARY_DIR];
    const { files, missing } = scenarioFiles(paths);
    let bad = 0;
    // The concept sets the scenarios' patterns are written in: a refused concept makes every pattern naming it unknown.
    for (const problem of conceptProblems()) {
      io.stderr.write(`${problem}\n`);
      bad++;
    }
    for (const m of missing) {
      io.stderr.write(`${m}: no such file or folder\n`);
      bad++;
    }
    if (!files.length && !missing.length) {
      io.stderr.write('no scenario files (*.yaml) found\n');
      return 1;
    }
    const ids = new Map<string, string>();
    for (const file of files) {
      const { scenario, errors } = loadScenarioFile(file, io.cwd);
      if (scenario) {
        const first = ids.get(scenario.id);
        if (first)
          errors.push({
            file: scenario.file ?? file,
            line: 1,
            column: 1,
            path: 'id',
            message: `duplicate scenario id "${scenario.id}" (also in ${first})`,
          });
        else ids.set(scenario.id, scenario.file ?? file);
      }
      if (errors.length) {
        bad++;
        for (const e of errors) io.stderr.write(format(e));
      } else {
        io.stdout.write(`ok  ${scenario?.file ?? file}\n`);
      }
    }
    io.stdout.write(`${files.length - Math.min(bad, files.length)} of ${files.length} scenario file(s) valid\n`);
    return bad ? 1 : 0;
  },
};
export default command;
