// better-sqlite3 is synchronous; this wraps it in the async SqlDb shape and queues
// every call so a transaction's callback never sees another caller's statement, and it
// commits the writes of one tick together.
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SqlDb } from './sql.ts';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.ts';

export const SQLITE_FILE = 'roleplay.sqlite';

export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  readonly file: string;
  /** The connection; protected so a test can set what the product never sets. */
  protected readonly db: Database.Database;
  constructor(dataDir: string) {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, SQLITE_FILE);
    this.db = new Database(this.file);
    this.identity = fileIdentity(this.file);
    this.db.pragma('journal_mode = WAL');
    // Under WAL, NORMAL syncs at checkpoints instead of at every commit: a committed
    // turn survives the server being killed (it is in the WAL file), and the database
    // is never corrupted; only a power cut or an operating-system crash can lose the
    // last turns. An fsync per commit would be a large part of every turn, and it blocks
    // the whole event loop (better-sqlite3 is synchronous). SQLITE_SYNCHRONOUS=FULL
    // asks for an fsync before every reply.
    this.db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL'}`);
    // A second process on the same file waits instead of failing at once.
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('wal_autocheckpoint = 0');
    this.checkpointer = startCheckpointer(this.file, () => {
      // The worker could not do it: SQLite's own checkpoints on this connection take over.
      this.checkpointer = undefined;
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    });
  }

  private checkpointer: Checkpointer | undefined;
  /** Device and inode of the database file as opened. */
  private readonly identity: string | undefined;

  /**
   * The open connection keeps writing to the file it opened even after the data directory is
   * deleted or replaced, and everything written then is gone at the next start. So the path must
   * still name that file when a group commits (else the whole group is rolled back and its
   * callers fail: the turn is refused with "please send again", /readyz turns 503), and at the
   * first read of a tick with no group open (a read in a group answers after that COMMIT).
   */
  private checkFile(): void {
    const now = fileIdentity(this.file);
    if (now !== this.identity) throw new DataDirectoryGoneError(this.file, now === undefined ? 'vanished' : 'replaced');
  }

  private checkFileOncePerTick(): void {
    if (this.fileChecked) return;
    this.checkFile();
    this.fileChecked = true;
    this.endTickSoon();
  }

  /** Prepared once per statement text: the product uses a handful, over and over. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      // Statements built from input (IN lists of any length) would grow the cache without bound.
      if (this.statements.size < 256) this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** What a transaction's callback gets: statements run at once, inside the caller's savepoint. */
  private readonly self: SqlDb = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: unknown[] = []) => this.statement(sql).all(...params.map(toSqlite)) as T[],
    run: async (sql: string, params: unknown[] = []) => this.statement(sql).run(...params.map(toSqlite)).changes,
    transaction: async (fn) => fn(this.self),
  };

  // Group commit. Every write of a tick runs at once inside one open transaction (BEGIN
  // IMMEDIATE at the group's first write) and one COMMIT ends the group at the end of the tick
  // (setImmediate) or after MAX_GROUP_WRITES writes. A caller hears back only after that COMMIT
  // succeeded, so nothing is acknowledged that is not committed, exactly as with a COMMIT per
  // statement, under synchronous NORMAL and FULL alike. A read that ran inside an open group saw
  // its uncommitted writes, so it answers only after the COMMIT too, and fails with the group.

  /** Every call runs in order, one after the other: a transaction's callback holds the line. */
  private queue: Promise<void> = Promise.resolve();
  private group: Group | undefined;
  private tickEnding = false;
  private fileChecked = false;
  private committed = 0;

  /** COMMITs that succeeded on this connection. */
  get commits(): number {
    return this.committed;
  }

  /** `work` settles its own caller and never throws; the next one runs even if it did. */
  private step(work: () => void | Promise<void>): void {
    this.queue = this.queue.then(work, work);
  }

  private endTickSoon(): void {
    if (this.tickEnding) return;
    this.tickEnding = true;
    setImmediate(this.endTick);
  }

  private readonly endTick = (): void => {
    this.tickEnding = false;
    this.fileChecked = false;
    if (this.group) this.step(() => this.commit());
  };

  private begin(): Group {
    if (this.group) return this.group;
    this.statement('BEGIN IMMEDIATE').run();
    this.group = { callers: [], writes: 0 };
    this.endTickSoon();
    return this.group;
  }

  /** Ends the open group; its callers hear whether the COMMIT succeeded. Never throws. */
  private commit(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    try {
      this.checkFile();
      this.statement('COMMIT').run();
    } catch (error) {
      // A COMMIT that fails (a deferred constraint, a full disk) may leave the transaction open.
      if (this.db.open && this.db.inTransaction) {
        try {
          this.db.exec('ROLLBACK');
        } catch {
          // Nothing more to undo here: the next BEGIN reports what is wrong with the connection.
        }
      }
      for (const caller of group.callers) caller.reject(error);
      return;
    }
    this.committed++;
    for (const caller of group.callers) caller.resolve();
  }

  /**
   * After a statement threw: SQLite undid that statement only, and only its caller fails,
   * unless SQLite rolled back the whole transaction (a full disk, an I/O error, OR ROLLBACK).
   * Then no write of the group survives, and every caller of the group must hear it.
   */
  private afterFailure(error: unknown): void {
    const group = this.group;
    if (!group || (this.db.open && this.db.inTransaction)) return;
    this.group = undefined;
    const lost = new GroupRolledBackError(error);
    for (const caller of group.callers) caller.reject(lost);
  }

  /** Runs `work` in the open group; its caller hears back at the group's COMMIT. */
  private write<T>(work: () => Promise<T> | T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.step(async () => {
        let value: T;
        try {
          this.begin();
          value = await work();
        } catch (error) {
          this.afterFailure(error);
          reject(error);
          return;
        }
        const group = this.group;
        if (!group) return reject(new GroupRolledBackError(new Error('the transaction ended before its COMMIT')));
        group.callers.push({ resolve: () => resolve(value), reject });
        if (++group.writes >= MAX_GROUP_WRITES) this.commit();
      });
    });
  }

  all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      this.step(() => {
        let rows: T[];
        try {
          if (!this.group) this.checkFileOncePerTick();
          rows = this.statement(sql).all(...params.map(toSqlite)) as T[];
        } catch (error) {
          this.afterFailure(error);
          reject(error);
          return;
        }
        if (this.group) this.group.callers.push({ resolve: () => resolve(rows), reject });
        else resolve(rows);
      });
    });
  }

  run(sql: string, params: unknown[] = []): Promise<number> {
    return this.write(() => this.statement(sql).run(...params.map(toSqlite)).changes);
  }

  /** All or nothing on its own: a savepoint inside the group, so failing undoes only its statements. */
  transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    return this.write(async () => {
      this.statement('SAVEPOINT tx').run();
      try {
        const result = await fn(this.self);
        this.statement('RELEASE tx').run();
        return result;
      } catch (error) {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK TO tx; RELEASE tx');
        throw error;
      }
    });
  }

  /** A cheap write probe: a full disk or a read-only file shows up here. */
  async ready(): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      this.step(() => {
        this.commit();
        try {
          this.checkFile();
          this.db.prepare('SELECT 1').get();
          this.db.exec('BEGIN IMMEDIATE; ROLLBACK');
          resolve(true);
        } catch {
          resolve(false);
        }
      });
    });
  }

  /** Commits what is still open, then closes. */
  async close(): Promise<void> {
    await this.checkpointer?.close();
    await new Promise<void>((resolve) => {
      this.step(() => {
        this.commit();
        if (this.db.open) this.db.close();
        resolve();
      });
    });
  }
}

/** A group is bounded so that one COMMIT, and the wait of its first caller, stay short. */
export const MAX_GROUP_WRITES = 64;

interface Group {
  callers: { resolve: () => void; reject: (error: unknown) => void }[];
  writes: number;
}

/** A write that succeeded on its own but was undone with its group, whose transaction SQLite rolled back. */
export class GroupRolledBackError extends Error {
  constructor(cause: unknown) {
    super(`the write was rolled back with its group: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'GroupRolledBackError';
  }
}

export class DataDirectoryGoneError extends Error {
  constructor(file: string, what: 'vanished' | 'replaced') {
    super(`the database file ${file} has ${what} since it was opened; restart the server on a working data directory`);
    this.name = 'DataDirectoryGoneError';
  }
}

function fileIdentity(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

function toSqlite(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}
