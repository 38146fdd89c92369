// The embedded store's checkpoints run in a worker thread: the database file receives what
// the server committed without the server's connection ever checkpointing, and a worker
// that cannot open the file hands the job back.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDb, SQLITE_FILE } from './sqlite-db.ts';
import { migrate } from './sql.ts';
import { startCheckpointer } from './sqlite-checkpointer.ts';
import { tempDataDir } from './testing/backends.ts';

const size = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

describe('background checkpoints', () => {
  const open: SqliteDb[] = [];
  afterEach(async () => {
    for (const db of open.splice(0)) await db.close();
  });

  it('moves committed pages into the database file from another thread', async () => {
    const dir = tempDataDir();
    const db = new SqliteDb(dir);
    open.push(db);
    await migrate(db);
    const file = join(dir, SQLITE_FILE);
    // The server's own connection never checkpoints, so whatever reaches the file came from the worker.
    expect(await db.all(`PRAGMA wal_autocheckpoint`)).toEqual([{ wal_autocheckpoint: 0 }]);
    const before = size(file);
    const data = JSON.stringify({ text: '顾客说找错钱了'.repeat(200) });
    // About 1,500 pages: more than SQLite's own checkpoint threshold, which is switched off here.
    for (let i = 0; i < 1500; i++)
      await db.run(`INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)`, [`k${i}`, 'e', data, i]);
    const deadline = Date.now() + 5000;
    while (size(file) < before + 4_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(size(file)).toBeGreaterThan(before + 4_000_000);
    const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM bot_state`);
    expect(rows[0]!.n).toBe(1500);
  });

  it('says so when the worker cannot open the database, so the connection checkpoints itself again', async () => {
    const reason = await new Promise<string>((resolve) => startCheckpointer(join(tempDataDir(), 'missing.sqlite'), resolve));
    expect(reason).toMatch(/unable to open|does not exist|SQLITE_CANTOPEN|directory/i);
  });
});
