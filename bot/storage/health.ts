// Readiness that reflects what writes actually do: a database can answer a ping
// while its disk is full or its files are read-only. The last write's outcome
// decides, until a later write succeeds.
import type { Storage, StoreItems } from 'botbuilder';
import type { StorageHandle } from './index.ts';

export function withWriteHealth(handle: StorageHandle): StorageHandle {
  let lastWriteFailed = false;
  const inner = handle.storage;
  const storage: Storage = {
    read: (keys) => inner.read(keys),
    delete: (keys) => inner.delete(keys),
    async write(changes: StoreItems) {
      try {
        await inner.write(changes);
        lastWriteFailed = false;
      } catch (error) {
        // An eTag conflict is the storage working as designed, not a failure.
        if ((error as { name?: string }).name !== 'ETagConflictError') lastWriteFailed = true;
        throw error;
      }
    },
  };
  return { ...handle, storage, ready: async () => !lastWriteFailed && (await handle.ready()) };
}
