import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'dotenv';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import { openStorage } from '../../bot/storage/index.ts';
import { loadReport, sessionsCsv, turnsCsv } from '../../bot/trainer/export.ts';
import { isFinished, sessionStatement } from '../../bot/records/xapi-statement.ts';
import { ConfigError, xapiBase } from '../../bot/host/config.ts';
import { loadLibrary } from '../../scenarios/index.ts';

const usage = `Usage: roleplay report [--trainee NAME] [--scenario ID] [--since DATE] [--format csv|json|xapi] [--turns] [--data-dir DIR] [--database-url URL]

Sessions from the store the server uses (DATA_DIR / DATABASE_URL from the environment or .env).
  --trainee NAME  a trainee's name or id, matched as the dashboard's filter matches it
  --format csv    sessions as CSV for Excel (default); with --turns, every turn instead
  --format json   sessions with their turns
  --format xapi   every finished session as an xAPI 1.0.3 statement (a JSON array a learning
                  record store takes as it is); XAPI_ACTIVITY_BASE sets the IRIs' base`;

const command: Command = {
  name: 'report',
  summary: 'export recorded sessions and turns as CSV or JSON',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(
      argv,
      {
        trainee: { type: 'string' },
        scenario: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string' },
        turns: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
      },
      false,
    );
    if (values.help) {
      io.stdout.write(usage + '\n');
      return 0;
    }
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'json' && format !== 'xapi')
      throw new UsageError(`--format must be csv, json or xapi (got "${format}")`);
    let since: number | undefined;
    if (values.since !== undefined) {
      since = Date.parse(values.since);
      if (Number.isNaN(since)) throw new UsageError(`--since must be a date such as 2026-01-31 (got "${values.since}")`);
    }
    const env = { ...readDotEnv(io.cwd), ...io.env };
    let base = '';
    try {
      base = xapiBase(env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    const dataDir = values['data-dir'] ?? env.DATA_DIR ?? './data';
    let store;
    try {
      store = await openStorage({ dataDir: resolve(io.cwd, dataDir), databaseUrl: values['database-url'] ?? env.DATABASE_URL });
    } catch (error) {
      io.stderr.write(`roleplay report: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    try {
      const data = await loadReport(store.records, { trainee: values.trainee, scenarioId: values.scenario, since, limit: 100000 });
      if (format === 'xapi') {
        const titles = loadLibrary().scenarios;
        const statements = data.sessions
          .filter(isFinished)
          .map((s) => sessionStatement(s, { base, scenarioTitle: (id) => titles.get(id)?.title }));
        io.stdout.write(`${JSON.stringify(statements, null, 2)}\n`);
      } else if (format === 'json')
        io.stdout.write(
          JSON.stringify(
            data.sessions.map((s) => ({ ...s, turnRecords: data.turns.filter((t) => t.sessionId === s.sessionId) })),
            null,
            2,
          ) + '\n',
        );
      else io.stdout.write(values.turns ? turnsCsv(data.turns) : sessionsCsv(data.sessions));
      return 0;
    } catch (error) {
      io.stderr.write(`roleplay report: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    } finally {
      await store.close();
    }
  },
};
export default command;

function readDotEnv(cwd: string): Record<string, string> {
  // dotenv's parser, without touching process.env: the CLI's io.env stays authoritative.
  try {
    const text = readFileSync(join(cwd, '.env'), 'utf8');
    return parse(text);
  } catch {
    return {};
  }
}
