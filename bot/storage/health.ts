// Readiness that reflects what writes actually do: a database can answer a ping
// while its disk is full, its files are read-only or it has become a read-only
// standby. Every write the bot makes (state and records) reports its outcome; when
// the last outcome is a failure, or there has been no write for a while, /readyz
// makes a small real write itself. That is also how readiness comes back by itself
// once the storage works again: a not-ready instance gets no traffic, so it cannot
// wait for a trainee's turn to prove it.
import type { Storage, StoreItems } from 'botbuilder';
import type { TrainingRecords } from '../records/types.ts';
import type { StorageHandle } from './index.ts';
import type { DirectLineStore } from './directline-store.ts';
import { isETagConflict } from './etag.ts';

/** The probe's own row in the state table; botbuilder's keys all contain '/conversations/' or '/users/'. */
export const READINESS_KEY = 'roleplay/readiness-probe';
/** A good write younger than this proves writes work; older, /readyz writes once more. */
const FRESH_MS = 5000;

export function withWriteHealth(handle: StorageHandle, now: () => number = Date.now): StorageHandle {
  let lastWriteFailed = false;
  let lastGoodWriteAt = -Infinity;
  let probing: Promise<void> | undefined;

  async function track<T>(write: () => Promise<T>): Promise<T> {
    try {
      const result = await write();
      lastWriteFailed = false;
      lastGoodWriteAt = now();
      return result;
    } catch (error) {
      // An eTag conflict is the storage working as designed, not a failure.
      if (!isETagConflict(error)) lastWriteFailed = true;
      throw error;
    }
  }

  const inner = handle.storage;
  const storage: Storage = {
    read: (keys) => inner.read(keys),
    delete: (keys) => track(() => inner.delete(keys)),
    write: (changes: StoreItems) => track(() => inner.write(changes)),
  };

  const r = handle.records;
  const records: TrainingRecords = {
    sessionStarted: (start) => track(() => r.sessionStarted(start)),
    turnRecorded: (turn) => track(() => r.turnRecorded(turn)),
    sessionEnded: (end) => track(() => r.sessionEnded(end)),
    addDispute: (dispute) => track(() => r.addDispute(dispute)),
    history: (traineeId, limit) => r.history(traineeId, limit),
    ...(r.listSessions ? { listSessions: r.listSessions.bind(r) } : {}),
    ...(r.sessionTurns ? { sessionTurns: r.sessionTurns.bind(r) } : {}),
    ...(r.listDisputes ? { listDisputes: r.listDisputes.bind(r) } : {}),
    ...(r.session ? { session: r.session.bind(r) } : {}),
    ...(r.resolveDispute ? { resolveDispute: (key, decision) => track(() => r.resolveDispute!(key, decision)) } : {}),
  };

  const dl = handle.directLine;
  const directLine: DirectLineStore | undefined = dl && {
    conversation: (id) => dl.conversation(id),
    ensure: (id, user, at) => track(() => dl.ensure(id, user, at)),
    markStarted: (id) => track(() => dl.markStarted(id)),
    append: (id, activities, at, keep) => track(() => dl.append(id, activities, at, keep)),
    after: (id, seq) => dl.after(id, seq),
    replace: (id, activity) => track(() => dl.replace(id, activity)),
    remove: (id, activityId) => track(() => dl.remove(id, activityId)),
    settle: (id, seq) => track(() => dl.settle(id, seq)),
    pending: () => dl.pending(),
    expire: (before) => track(() => dl.expire(before)),
  };

  async function probe(): Promise<void> {
    // Concurrent /readyz calls share one probe instead of queueing writes.
    probing ??= track(() => inner.write({ [READINESS_KEY]: { at: now() } }))
      .catch(() => undefined)
      .finally(() => (probing = undefined));
    await probing;
  }

  return {
    ...handle,
    storage,
    records,
    ...(directLine ? { directLine } : {}),
    async ready() {
      if (!(await handle.ready())) return false;
      if (lastWriteFailed || now() - lastGoodWriteAt > FRESH_MS) await probe();
      return !lastWriteFailed;
    },
  };
}
