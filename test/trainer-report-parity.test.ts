// `roleplay report --trainee NAME` and the dashboard's filter give the same rows for the same
// name, from the same SQLite store; the CSV opens in Excel with Chinese text and no formulas.
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import report from '../cli/commands/report.ts';
import type { AppContext } from '../bot/host/app-context.ts';
import { openStorage, type StorageHandle } from '../bot/storage/index.ts';
import { tempDataDir } from '../bot/storage/testing/backends.ts';
import { COHORT, seedCohort } from '../bot/trainer/testing/cohort.ts';
import { registerTrainerRoutes } from '../bot/trainer/index.ts';

let dataDir = '';
let store: StorageHandle;
let server: restify.Server;
let base = '';

async function cli(argv: string[]): Promise<string> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += c));
  const code = await report.run([...argv, '--data-dir', dataDir], {
    stdin: new PassThrough(),
    stdout,
    stderr: new PassThrough(),
    cwd: process.cwd(),
    env: {},
  });
  expect(code).toBe(0);
  return out;
}

// Byte for byte: Response.text() would drop the byte-order mark.
const dashboard = async (query: string) =>
  Buffer.from(
    await (await fetch(`${base}/trainer/export/sessions.csv?${query}`, { headers: { Authorization: 'Bearer t' } })).arrayBuffer(),
  ).toString('utf8');

beforeAll(async () => {
  dataDir = tempDataDir();
  const seed = await openStorage({ dataDir });
  await seedCohort(seed.records);
  await seed.close();
  store = await openStorage({ dataDir });
  server = restify.createServer();
  const noop = () => undefined;
  registerTrainerRoutes(server, {
    store,
    logger: { info: noop, warn: noop, error: noop, debug: noop },
    config: { trainerToken: 't' },
  } as unknown as AppContext);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await store.close();
});

describe('one trainee name, the same rows', () => {
  it('report --trainee 小李 gives the rows the dashboard gives for 小李 (and for " 小李 ")', async () => {
    const expected = COHORT.sessions.filter((s) => s.trainee.name === '小李').length;
    expect(expected).toBeGreaterThan(1);
    const fromCli = await cli(['--trainee', '小李']);
    const rows = fromCli.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(expected);
    expect(rows.every((r) => r.includes(',u-li,小李,'))).toBe(true);
    expect(await dashboard(`trainee=${encodeURIComponent('小李')}`)).toBe(fromCli);
    expect(await dashboard(`trainee=${encodeURIComponent(' 小李 ')}`)).toBe(fromCli);
    expect(await cli(['--trainee', 'u-li'])).toBe(fromCli);
  });

  it('a Latin name matches whatever its case or width', async () => {
    const fromCli = await cli(['--trainee', 'lin chen']);
    expect(fromCli.trim().split('\r\n').length).toBeGreaterThan(1);
    expect(await dashboard(`trainee=${encodeURIComponent('ＬＩＮ ＣＨＥＮ')}`)).toBe(fromCli);
  });
});

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark and keeps Chinese text', async () => {
    const bytes = Buffer.from(
      await (await fetch(`${base}/trainer/export/turns.csv`, { headers: { Authorization: 'Bearer t' } })).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('王女士，真不好意思');
  });

  it('no cell starts with something a spreadsheet would run', async () => {
    const turns = await cli(['--turns']);
    // The cohort has replies starting with =, full-width ＝ and -.
    expect(turns).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(turns).toContain("'＝1+1");
    expect(turns).toContain("'-5 is what the system says.");
    for (const row of turns.replace(/^\uFEFF/, '').split('\r\n'))
      for (const cellText of row.split(',')) expect(cellText.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
  });
});
