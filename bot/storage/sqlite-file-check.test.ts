// The check that the data directory still holds the opened file is a stat of the file: it must
// run once per group of writes and once per tick of reads, not once per statement.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { SqliteDb } from './sqlite-db.ts';
import { tempDataDir } from './testing/backends.ts';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return { ...real, statSync: vi.fn(real.statSync) };
});

const opened: SqliteDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
});

describe('the data-directory check', () => {
  it.each([
    { what: '50 writes at once', writes: 50, reads: 0, checks: 1 },
    { what: '50 writes and 50 reads at once', writes: 50, reads: 50, checks: 1 },
    { what: '50 reads at once', writes: 0, reads: 50, checks: 1 },
    { what: 'more writes than one group holds', writes: 100, reads: 0, checks: 2 },
  ])('stats the file $checks time(s) for $what', async ({ writes, reads, checks }) => {
    const db = new SqliteDb(tempDataDir());
    opened.push(db);
    await db.run(`CREATE TABLE t (id INTEGER PRIMARY KEY)`);
    const stat = vi.mocked(fs.statSync);
    stat.mockClear();
    await Promise.all([
      ...Array.from({ length: writes }, (_, i) => db.run(`INSERT INTO t (id) VALUES (?)`, [i])),
      ...Array.from({ length: reads }, () => db.all(`SELECT COUNT(*) AS n FROM t`)),
    ]);
    expect(stat).toHaveBeenCalledTimes(checks);
  });
});
