// PostgreSQL parses and plans each of the product's statements once per connection, and
// statements built from input do not pile up on the server.
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresDb } from './postgres-db.ts';
import { migrate } from './sql.ts';
import { dropSchema, NO_POSTGRES_REASON, POSTGRES_URL, testSchema } from './testing/backends.ts';

describe.skipIf(!POSTGRES_URL)(`PostgreSQL statements (${POSTGRES_URL ? 'real server' : NO_POSTGRES_REASON})`, () => {
  const opened: PostgresDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      await db.close();
      await dropSchema(db.schema);
    }
  });

  it('prepares a statement once per connection and keeps texts built from input bounded', async () => {
    const db = new PostgresDb(POSTGRES_URL!, testSchema());
    opened.push(db);
    await db.init();
    await migrate(db);
    const prepared = await db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await tx.all(`SELECT key, etag, data FROM bot_state WHERE key IN (?, ?)`, [`k${i}`, 'u']);
      // IN lists of every length from 1 to 300: more distinct texts than get a name.
      for (let n = 1; n <= 300; n++)
        await tx.all(
          `SELECT key FROM bot_state WHERE key IN (${Array.from({ length: n }, () => '?').join(', ')})`,
          Array.from({ length: n }, (_, i) => `k${i}`),
        );
      return tx.all<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`);
    });
    expect(prepared.filter((p) => p.statement.startsWith('SELECT key, etag, data FROM bot_state WHERE key IN ($1, $2)'))).toHaveLength(1);
    expect(prepared.length).toBeLessThanOrEqual(256);
  });
});
