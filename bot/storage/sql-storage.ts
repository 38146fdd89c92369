// botbuilder's Storage over either database, with real optimistic concurrency:
// a write carrying a stale eTag changes nothing and throws an ETagConflictError.
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError, expectedETag, newETag } from './etag.ts';
import type { SqlDb } from './sql.ts';
import { textToWrite, withStoredText } from './stored-text.ts';

export class SqlStorage implements Storage {
  constructor(private readonly db: SqlDb) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const marks = keys.map(() => '?').join(', ');
    const rows = await this.db.all<{ key: string; etag: string; data: string }>(
      `SELECT key, etag, data FROM bot_state WHERE key IN (${marks})`,
      keys,
    );
    for (const row of rows) items[row.key] = withStoredText({ ...(JSON.parse(row.data) as object), eTag: row.etag }, row.data);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    // One item needs no transaction: each statement below is atomic on its own, and a writer
    // slipping in between the UPDATE and the INSERT makes the INSERT change nothing, which is
    // the conflict it is. That saves BEGIN and COMMIT, two round trips to PostgreSQL per turn.
    const atomically = <T>(fn: (db: SqlDb) => Promise<T>): Promise<T> => (entries.length === 1 ? fn(this.db) : this.db.transaction(fn));
    const written = await atomically(async (tx) => {
      const tags: [object | undefined, string][] = [];
      for (const [key, item] of entries) {
        const expected = expectedETag(item);
        const { eTag: _ignored, ...rest } = (item ?? {}) as Record<string, unknown>;
        const data = (item && textToWrite(item)) ?? JSON.stringify(rest);
        const tag = newETag();
        const now = Date.now();
        if (expected === undefined) {
          await tx.run(
            `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`,
            [key, tag, data, now],
          );
        } else {
          const updated = await tx.run(`UPDATE bot_state SET etag = ?, data = ?, updated_at = ? WHERE key = ? AND etag = ?`, [
            tag,
            data,
            now,
            key,
            expected,
          ]);
          if (updated === 0) {
            // No row with that eTag: either someone else wrote first (conflict) or the
            // item is new, which botbuilder's own stores accept.
            const inserted = await tx.run(
              `INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
              [key, tag, data, now],
            );
            if (inserted === 0) throw new ETagConflictError(key);
          }
        }
        tags.push([typeof item === 'object' && item !== null ? (item as object) : undefined, tag]);
      }
      return tags;
    });
    // A second save in the same turn must carry the eTag just written, not the stale one.
    for (const [item, tag] of written) if (item) (item as { eTag?: string }).eTag = tag;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.run(`DELETE FROM bot_state WHERE key IN (${keys.map(() => '?').join(', ')})`, keys);
  }
}
