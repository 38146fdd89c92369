// The real backends a test can open: a SQLite file in a fresh temp dir always, and
// PostgreSQL (own schema per call) when DATABASE_URL names one.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage, type StorageConfig, type StorageHandle } from '../index.ts';

export const POSTGRES_URL = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
export const NO_POSTGRES_REASON = 'PostgreSQL tests skipped: set DATABASE_URL=postgres://… (.ci/postgres.sh start_postgres starts one)';

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'roleplay-data-'));
}

export function testSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  /** A config for one independent store (new temp dir or new schema). */
  config(): StorageConfig;
  open(config?: StorageConfig): Promise<StorageHandle>;
}

export const backends: Backend[] = [
  { name: 'sqlite', skip: false, config: () => ({ dataDir: tempDataDir() }), open: (c) => openStorage(c ?? { dataDir: tempDataDir() }) },
  {
    name: 'postgres',
    skip: !POSTGRES_URL,
    config: () => ({ dataDir: tempDataDir(), databaseUrl: POSTGRES_URL, databaseSchema: testSchema() }),
    open: (c) => openStorage(c ?? { dataDir: tempDataDir(), databaseUrl: POSTGRES_URL, databaseSchema: testSchema() }),
  },
];

/** Drops a test schema (best effort: the tests still pass if cleanup cannot). */
export async function dropSchema(schema: string | undefined): Promise<void> {
  if (!POSTGRES_URL || !schema) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } catch {
    // leave it: a throw-away CI cluster
  } finally {
    await client.end().catch(() => undefined);
  }
}
