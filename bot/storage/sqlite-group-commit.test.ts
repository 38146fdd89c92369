// The embedded store commits the writes of one tick together. What must hold: a caller hears
// "written" only once a second connection can read the write; one caller's failing statement or
// transaction costs no other caller its write; a group that SQLite could not commit fails every
// caller in it; a data directory that vanished or was replaced still refuses writes.
import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryGoneError, GroupRolledBackError, MAX_GROUP_WRITES, SQLITE_FILE, SqliteDb } from './sqlite-db.ts';
import { tempDataDir } from './testing/backends.ts';

/** The product never turns foreign keys on; a deferred one is how a COMMIT itself can fail. */
class ForeignKeysDb extends SqliteDb {
  constructor(dir: string) {
    super(dir);
    this.db.pragma('foreign_keys = ON');
  }
}

const opened: { db: SqliteDb; other?: Database.Database }[] = [];
afterEach(async () => {
  for (const { db, other } of opened.splice(0)) {
    other?.close();
    await db.close().catch(() => undefined);
  }
});

/** A store with a table `t`, and a second connection that sees only what is committed. */
async function open(dir = tempDataDir(), make = (d: string) => new SqliteDb(d)) {
  const db = make(dir);
  await db.run(`CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL)`);
  const other = new Database(join(dir, SQLITE_FILE), { readonly: true });
  opened.push({ db, other });
  const committed = () => (other.prepare(`SELECT id FROM t ORDER BY id`).all() as { id: string }[]).map((r) => r.id);
  return { db, dir, committed };
}

const insert = (db: SqliteDb, id: string) => db.run(`INSERT INTO t (id, n) VALUES (?, ?)`, [id, 1]);
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof Error ? e.name : 'error'),
  );
const ids = (n: number, prefix = 'w') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('group commit', () => {
  it.each([
    { writers: 1, synchronous: 'NORMAL' },
    { writers: 20, synchronous: 'NORMAL' },
    { writers: 20, synchronous: 'FULL' },
    { writers: MAX_GROUP_WRITES, synchronous: 'NORMAL' },
    { writers: MAX_GROUP_WRITES + 1, synchronous: 'NORMAL' },
    { writers: 3 * MAX_GROUP_WRITES + 5, synchronous: 'FULL' },
  ])(
    '$writers writers at once (synchronous $synchronous) share one commit per group, each told after it',
    async ({ writers, synchronous }) => {
      const saved = process.env.SQLITE_SYNCHRONOUS;
      process.env.SQLITE_SYNCHRONOUS = synchronous;
      const { db, committed } = await open().finally(() => {
        if (saved === undefined) delete process.env.SQLITE_SYNCHRONOUS;
        else process.env.SQLITE_SYNCHRONOUS = saved;
      });
      const before = db.commits;
      const names = ids(writers);
      const seenWhenTold: number[] = [];
      const writes = names.map((id) => insert(db, id).then(() => seenWhenTold.push(committed().length)));
      // Queued ahead of the open group's end of tick: only the full groups are committed by then.
      const full = Math.floor(writers / MAX_GROUP_WRITES) * MAX_GROUP_WRITES;
      const early = await new Promise<number>((resolve) => setImmediate(() => resolve(committed().length)));
      expect(early).toBe(full);
      expect(seenWhenTold).toHaveLength(full);
      await Promise.all(writes);
      expect(db.commits - before).toBe(Math.ceil(writers / MAX_GROUP_WRITES));
      // Every caller was told only once its own write could be read from elsewhere.
      expect(seenWhenTold).toHaveLength(writers);
      for (const [i, seen] of seenWhenTold.entries())
        expect(seen).toBeGreaterThanOrEqual(Math.min(writers, (Math.floor(i / MAX_GROUP_WRITES) + 1) * MAX_GROUP_WRITES));
      expect(committed()).toEqual(names);
    },
  );

  it('lets a read in the group see its writes, and answers it after the commit', async () => {
    const { db, committed } = await open();
    const write = insert(db, 'a');
    const read = db.all<{ id: string }>(`SELECT id FROM t`).then((rows) => ({ rows, visible: committed() }));
    await write;
    expect(await read).toEqual({ rows: [{ id: 'a' }], visible: ['a'] });
  });

  it('fails only the caller whose statement fails', async () => {
    const { db, committed } = await open();
    await insert(db, 'b');
    const before = db.commits;
    const results = await Promise.all(['a', 'b', 'c'].map((id) => outcome(insert(db, id))));
    expect(results).toEqual(['ok', 'SqliteError', 'ok']);
    expect(db.commits - before).toBe(1);
    expect(committed()).toEqual(['a', 'b', 'c']);
  });

  it.each([
    {
      failure: 'its callback throws',
      body: async (tx: Pick<SqliteDb, 'run'>) => (await tx.run(`INSERT INTO t VALUES ('x1', 1)`), Promise.reject(new Error('no'))),
    },
    {
      failure: 'a statement in it fails',
      body: async (tx: Pick<SqliteDb, 'run'>) => {
        await tx.run(`INSERT INTO t VALUES ('x1', 1)`);
        await tx.run(`INSERT INTO t VALUES ('a', 1)`);
      },
    },
  ])('rolls back only its own work when a transaction fails ($failure)', async ({ body }) => {
    const { db, committed } = await open();
    const before = db.commits;
    const results = await Promise.all([
      outcome(insert(db, 'a')),
      outcome(db.transaction((tx) => body(tx))),
      outcome(
        db.transaction(async (tx) => {
          await tx.run(`INSERT INTO t VALUES ('y1', 1)`);
          await tx.run(`INSERT INTO t VALUES ('y2', 1)`);
        }),
      ),
      outcome(insert(db, 'b')),
    ]);
    expect(results[0]).toBe('ok');
    expect(results[1]).not.toBe('ok');
    expect(results.slice(2)).toEqual(['ok', 'ok']);
    expect(db.commits - before).toBe(1);
    expect(committed()).toEqual(['a', 'b', 'y1', 'y2']);
  });

  it("keeps other callers' statements out of a transaction that waits, and them when it fails", async () => {
    const { db, committed } = await open();
    let seenInside: unknown[] = [];
    const results = await Promise.all([
      outcome(
        db.transaction(async (tx) => {
          await tx.run(`INSERT INTO t VALUES ('mine', 1)`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          seenInside = await tx.all(`SELECT id FROM t ORDER BY id`);
          throw new Error('changed my mind');
        }),
      ),
      outcome(insert(db, 'theirs')),
    ]);
    expect(seenInside).toEqual([{ id: 'mine' }]);
    expect(results).toEqual(['Error', 'ok']);
    expect(committed()).toEqual(['theirs']);
  });

  it('fails every caller of the group when SQLite rolls back the whole transaction', async () => {
    const { db, committed } = await open();
    await insert(db, 'dup');
    const results = await Promise.all([
      outcome(insert(db, 'a')),
      outcome(db.all(`SELECT id FROM t`)),
      outcome(db.run(`INSERT OR ROLLBACK INTO t (id, n) VALUES ('dup', 2)`)),
      // After the rollback a new group starts, and it commits.
      outcome(insert(db, 'c')),
    ]);
    expect(results).toEqual([GroupRolledBackError.name, GroupRolledBackError.name, 'SqliteError', 'ok']);
    expect(committed()).toEqual(['c', 'dup']);
  });

  it('fails every caller of the group when its COMMIT fails, and goes on afterwards', async () => {
    const { db, committed } = await open(tempDataDir(), (d) => new ForeignKeysDb(d));
    await db.run(`CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED)`);
    const before = db.commits;
    const results = await Promise.all([
      outcome(insert(db, 'p')),
      // Allowed until the COMMIT, which then fails on it.
      outcome(db.run(`INSERT INTO child VALUES ('orphan', 'nobody')`)),
      outcome(db.run(`INSERT INTO child VALUES ('kid', 'p')`)),
      outcome(db.transaction(async (tx) => tx.run(`INSERT INTO t VALUES ('q', 1)`))),
    ]);
    expect(results).toEqual(['SqliteError', 'SqliteError', 'SqliteError', 'SqliteError']);
    expect(db.commits).toBe(before);
    expect(committed()).toEqual([]);
    await insert(db, 'later');
    expect(committed()).toEqual(['later']);
  });

  it('commits an open group before close and before a readiness probe', async () => {
    const { db, dir, committed } = await open();
    const first = insert(db, 'a');
    expect(await db.ready()).toBe(true);
    expect(committed()).toEqual(['a']);
    await first;
    const second = insert(db, 'b');
    await db.close();
    await second;
    const again = new SqliteDb(dir);
    opened.push({ db: again });
    expect(await again.all(`SELECT id FROM t ORDER BY id`)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});

describe('a data directory that vanished or was replaced', () => {
  const gone = (dir: string, how: string) => {
    rmSync(dir, { recursive: true, force: true });
    if (how === 'replaced') {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, SQLITE_FILE), '');
    }
  };

  it.each(['vanished', 'replaced'])('refuses reads, writes and readiness once it has %s', async (how) => {
    const { db, dir } = await open();
    await insert(db, 'a');
    gone(dir, how);
    expect(await outcome(insert(db, 'b'))).toBe(DataDirectoryGoneError.name);
    expect(await outcome(db.all(`SELECT id FROM t`))).toBe(DataDirectoryGoneError.name);
    expect(await outcome(db.transaction(async (tx) => tx.run(`INSERT INTO t VALUES ('c', 1)`)))).toBe(DataDirectoryGoneError.name);
    expect(await db.ready()).toBe(false);
  });

  it.each(['vanished', 'replaced'])('fails the whole group when it has %s before the COMMIT', async (how) => {
    const { db, dir } = await open();
    const results = await Promise.all([
      outcome(insert(db, 'a')),
      outcome(
        db.transaction(async (tx) => {
          await tx.run(`INSERT INTO t VALUES ('b', 1)`);
          gone(dir, how);
        }),
      ),
      outcome(insert(db, 'c')),
    ]);
    expect(results).toEqual([DataDirectoryGoneError.name, DataDirectoryGoneError.name, DataDirectoryGoneError.name]);
  });
});
