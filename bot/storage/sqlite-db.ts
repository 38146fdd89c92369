// better-sqlite3 is synchronous; this wraps it in the async SqlDb shape and queues
// every call so an open transaction never swallows another caller's statement.
import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SqlDb } from './sql.ts';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.ts';

export const SQLITE_FILE = 'roleplay.sqlite';

export class SqliteDb implements SqlDb {
  readonly dialect = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();

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
   * deleted or replaced, and everything written then is gone at the next start. So every
   * statement first checks that the path still names that file, and fails (the turn is refused
   * with "please send again", /readyz turns 503) when it does not.
   */
  private checkFile(): void {
    const now = fileIdentity(this.file);
    if (now !== this.identity) throw new DataDirectoryGoneError(this.file, now === undefined ? 'vanished' : 'replaced');
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

  private readonly self: SqlDb = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: unknown[] = []) => this.statement(sql).all(...params.map(toSqlite)) as T[],
    run: async (sql: string, params: unknown[] = []) => this.statement(sql).run(...params.map(toSqlite)).changes,
    transaction: async (fn) => fn(this.self),
  };

  private direct(): SqlDb {
    return this.self;
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const checked = () => {
      this.checkFile();
      return work();
    };
    const next = this.queue.then(checked, checked);
    this.queue = next.catch(() => undefined);
    return next;
  }

  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.enqueue(() => this.direct().all<T>(sql, params));
  }

  run(sql: string, params?: unknown[]): Promise<number> {
    return this.enqueue(() => this.direct().run(sql, params));
  }

  transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct());
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** A cheap write probe: a full disk or a read-only file shows up here. */
  async ready(): Promise<boolean> {
    try {
      await this.enqueue(async () => {
        this.db.prepare('SELECT 1').get();
        this.db.exec('BEGIN IMMEDIATE; ROLLBACK');
      });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    const close = async () => {
      if (this.db.open) this.db.close();
    };
    await this.queue.then(close, close);
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
