// One storage layer: botbuilder's Storage for bot state plus the product's records,
// in SQLite by default (zero set-up, WAL, in the data directory) or PostgreSQL when
// DATABASE_URL is postgres://… so several server instances share conversations.
import { MemoryStorage, type Storage } from 'botbuilder';
import { MemoryRecords } from '../records/memory-records.ts';
import { MemoryOutbox, type LearningRecordOutbox } from '../records/outbox.ts';
import { SqlOutbox } from './sql-outbox.ts';
import type { TrainingRecords } from '../records/types.ts';
import { PostgresDb } from './postgres-db.ts';
import { migrate } from './sql.ts';
import { SqlRecords } from './sql-records.ts';
import { SqlStorage } from './sql-storage.ts';
import { SqliteDb } from './sqlite-db.ts';
import { withWriteHealth } from './health.ts';
import { MemoryDirectLineStore, SqlDirectLineStore, type DirectLineStore } from './directline-store.ts';

export { isETagConflict, ETagConflictError } from './etag.ts';

export interface StorageConfig {
  /** Folder for the embedded database (default ./data). */
  dataDir: string;
  /** postgres://… selects PostgreSQL; empty selects the embedded store. */
  databaseUrl?: string;
  /** PostgreSQL schema to use (created if missing); tests give each run its own. */
  databaseSchema?: string;
  /** 'memory' keeps everything in the process (tests). */
  kind?: 'memory';
}

export interface StorageHandle {
  /** botbuilder's Storage (read/write/delete with eTags) for conversation and user state. */
  storage: Storage;
  records: TrainingRecords;
  /** The web chat's Direct Line conversations (absent: kept in memory). */
  directLine?: DirectLineStore;
  /** Learning-record statements waiting for the LRS (see bot/records/xapi-sender.ts). */
  outbox?: LearningRecordOutbox;
  /** Which backend, for logs and /readyz. */
  kind: 'memory' | 'sqlite' | 'postgres';
  /** True when the backend answers now (for /readyz). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export class StorageConfigError extends Error {}

export async function openStorage(config: StorageConfig): Promise<StorageHandle> {
  if (config.kind === 'memory') {
    return {
      storage: new MemoryStorage(),
      records: new MemoryRecords(),
      directLine: new MemoryDirectLineStore(),
      outbox: new MemoryOutbox(),
      kind: 'memory',
      ready: async () => true,
      close: async () => {},
    };
  }
  const url = config.databaseUrl?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url))
      throw new StorageConfigError(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:…")`);
    const db = new PostgresDb(url, config.databaseSchema);
    try {
      await db.init();
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw new StorageConfigError(`cannot open PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
    }
    return withWriteHealth({
      storage: new SqlStorage(db),
      records: new SqlRecords(db),
      directLine: new SqlDirectLineStore(db),
      outbox: new SqlOutbox(db),
      kind: 'postgres',
      ready: () => db.ready(),
      close: () => db.close(),
    });
  }
  let db: SqliteDb;
  try {
    db = new SqliteDb(config.dataDir || './data');
    await migrate(db);
  } catch (error) {
    throw new StorageConfigError(
      `cannot open the data directory "${config.dataDir}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return withWriteHealth({
    storage: new SqlStorage(db),
    records: new SqlRecords(db),
    directLine: new SqlDirectLineStore(db),
    outbox: new SqlOutbox(db),
    kind: 'sqlite',
    ready: () => db.ready(),
    close: () => db.close(),
  });
}
