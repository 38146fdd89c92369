import { describe, expect, it } from 'vitest';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { MemoryRecords } from '../records/memory-records.ts';
import { withWriteHealth } from './health.ts';

describe('storage readiness follows the writes', () => {
  it('reports not ready after a failed write and ready again after the next good one', async () => {
    const memory = new MemoryStorage();
    let failing = false;
    const flaky = {
      read: (keys: string[]) => memory.read(keys),
      delete: (keys: string[]) => memory.delete(keys),
      write: async (changes: StoreItems) => {
        if (failing) throw new Error('SQLITE_FULL: database or disk is full');
        await memory.write(changes);
      },
    };
    const handle = withWriteHealth({ storage: flaky, records: new MemoryRecords(), kind: 'sqlite', ready: async () => true, close: async () => {} });
    expect(await handle.ready()).toBe(true);
    failing = true;
    await expect(handle.storage.write({ k: { v: 1 } })).rejects.toThrow(/disk is full/);
    expect(await handle.ready()).toBe(false);
    failing = false;
    await handle.storage.write({ k: { v: 2 } });
    expect(await handle.ready()).toBe(true);
    expect((await handle.storage.read(['k'])).k).toMatchObject({ v: 2 });
  });
});
