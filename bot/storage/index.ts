// PLACEHOLDER until the persistence layer lands: bot state in memory.
import { MemoryStorage, type Storage } from 'botbuilder';
import { MemoryRecords } from '../records/memory-records.ts';
import type { TrainingRecords } from '../records/types.ts';

export interface StorageConfig {
  /** Folder for the embedded database (default ./data). */
  dataDir: string;
  /** postgres://… selects PostgreSQL; empty selects the embedded store. */
  databaseUrl?: string;
}

export interface StorageHandle {
  /** botbuilder's Storage (read/write/delete with eTags) for conversation and user state. */
  storage: Storage;
  records: TrainingRecords;
  /** Which backend, for logs and /readyz. */
  kind: 'memory' | 'sqlite' | 'postgres';
  /** True when the backend answers now (for /readyz). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export async function openStorage(_config: StorageConfig): Promise<StorageHandle> {
  return { storage: new MemoryStorage(), records: new MemoryRecords(), kind: 'memory', ready: async () => true, close: async () => {} };
}
