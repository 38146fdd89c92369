import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import report from '../cli/commands/report.ts';
import { openStorage } from '../bot/storage/index.ts';
import { tempDataDir } from '../bot/storage/testing/backends.ts';
import { sessionEnd, sessionStart, turnRecord } from '../bot/storage/testing/fixtures.ts';

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await report.run(argv, { stdin: new PassThrough(), stdout, stderr, cwd: process.cwd(), env });
  return { code, out, err };
}

describe('roleplay report', () => {
  it('exports the recorded sessions and turns from the SQLite store as CSV and JSON', async () => {
    const dataDir = tempDataDir();
    const store = await openStorage({ dataDir });
    await store.records.sessionStarted(sessionStart('s1'));
    await store.records.turnRecorded(turnRecord('s1', 1, '您好，"引号", =1+1'));
    await store.records.sessionEnded(sessionEnd('s1', 81));
    await store.records.sessionStarted(sessionStart('s2', { scenarioId: 'late-delivery', startedAt: 1_800_000_000_000 }));
    await store.close();

    const csv = await run(['--data-dir', dataDir, '--format', 'csv', '--scenario', 'wrong-change']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^s1,u1,Lin,wrong-change,zh-CN,practice,.*,resolved,1,81,/);

    const turns = await run(['--turns'], { DATA_DIR: dataDir });
    expect(turns.out).toContain('"您好，""引号"", =1+1"');

    const json = await run(['--data-dir', dataDir, '--format', 'json', '--since', '2027-01-01']);
    expect(JSON.parse(json.out).map((s: { sessionId: string }) => s.sessionId)).toEqual(['s2']);
  });

  it('rejects a bad format or date with a usage error', async () => {
    await expect(run(['--format', 'xml'])).rejects.toThrow(/csv, json or xapi/);
    await expect(run(['--since', 'yesterday-ish'])).rejects.toThrow(/--since/);
  });
});
