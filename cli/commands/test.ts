import { basename, resolve } from 'node:path';
import type { Command } from '../command.ts';
import { parseOptions } from '../args.ts';
import { LIBRARY_DIR, loadLibrary, loadScenarioFile, scenarioFiles, type Scenario, type ValidationError } from '../../scenarios/index.ts';
import { loadTestsFile, runScenarioTest, testsFileOf } from '../scenario-tests.ts';

const USAGE = `Usage: roleplay test [id | file.yaml ...]

Plays the conversations kept beside each scenario (scenarios/library/<id>.tests.yaml) and
checks how each ends (and its key moments, once the scenario declares them). Without ids,
every scenario that has tests. Each failure names file:line of its test.

Exit status: 0 when every test passes, 1 when one fails or a file has errors, 2 on misuse.`;

const format = (e: ValidationError) => `${e.file}:${e.line}:${e.column}  ${e.path}  ${e.message}\n`;

const command: Command = {
  name: 'test',
  summary: "Play each scenario's example conversations and check their endings",
  usage: USAGE,
  async run(argv, io) {
    const { positionals } = parseOptions(argv, {});
    const { files } = scenarioFiles([LIBRARY_DIR]);
    const byId = new Map(files.map((f) => [basename(f).replace(/\.ya?ml$/, ''), f]));
    const ids = positionals.length ? positionals : [...byId.keys()];
    let failed = 0;
    let passed = 0;
    let without = 0;
    for (const id of ids) {
      const file = /\.ya?ml$/i.test(id) ? resolve(io.cwd, id).replace(/\.tests\.yaml$/i, '.yaml') : byId.get(id);
      if (!file) {
        io.stderr.write(`unknown scenario '${id}'; known: ${[...loadLibrary().scenarios.keys()].join(', ')}\n`);
        failed++;
        continue;
      }
      const testsFile = loadTestsFile(testsFileOf(file), io.cwd);
      if (!testsFile.tests.length && !testsFile.errors.length) {
        without++;
        if (positionals.length) {
          io.stderr.write(`${id}: no tests (write them in ${basename(testsFileOf(file))})\n`);
          failed++;
        }
        continue;
      }
      const loaded = loadScenarioFile(file, io.cwd);
      const errors = [...loaded.errors, ...testsFile.errors];
      if (testsFile.scenarioId && loaded.scenario && testsFile.scenarioId !== loaded.scenario.id)
        errors.push({
          file: testsFile.tests[0]?.file ?? id,
          line: 1,
          column: 1,
          path: 'scenario',
          message: `names "${testsFile.scenarioId}", not "${loaded.scenario.id}"`,
        });
      if (errors.length) {
        for (const e of errors) io.stderr.write(format(e));
        failed++;
        continue;
      }
      for (const test of testsFile.tests) {
        const result = runScenarioTest(loaded.scenario as Scenario, test);
        if (result.ok) {
          passed++;
          io.stdout.write(`ok    ${test.file}:${test.line}  ${test.name} → ${result.outcome}\n`);
        } else {
          failed++;
          io.stdout.write(`FAIL  ${test.file}:${test.line}  ${test.name}\n${result.problems.map((p) => `        ${p}\n`).join('')}`);
        }
      }
    }
    io.stdout.write(`${passed} passed, ${failed} failed${without ? ` (${without} scenario(s) without tests)` : ''}\n`);
    return failed ? 1 : 0;
  },
};
export default command;
