// A store whose writes go through `write` first, for tests that make writes fail or wait.
import type { Storage, StoreItems } from 'botbuilder';

export function interceptWrites(storage: Storage, write: (changes: StoreItems, next: () => Promise<void>) => Promise<void>): Storage {
  return {
    read: (keys) => storage.read(keys),
    delete: (keys) => storage.delete(keys),
    write: (changes) => write(changes, () => storage.write(changes)),
  };
}
