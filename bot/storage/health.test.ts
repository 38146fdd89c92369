import { describe, expect, it } from 'vitest';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { MemoryRecords } from '../records/memory-records.ts';
import { READINESS_KEY, withWriteHealth } from './health.ts';
import type { StorageHandle } from './index.ts';

/** A memory store whose writes (state and records) fail while `failing` is set, like a full disk. */
function flakyHandle() {
  const memory = new MemoryStorage();
  const records = new MemoryRecords();
  const state = { failing: false, writes: 0 };
  const fail = () => {
    if (state.failing) throw new Error('SQLITE_FULL: database or disk is full');
  };
  const handle: StorageHandle = {
    storage: {
      read: (keys: string[]) => memory.read(keys),
      delete: (keys: string[]) => memory.delete(keys),
      write: async (changes: StoreItems) => {
        state.writes++;
        fail();
        await memory.write(changes);
      },
    },
    records: Object.assign(Object.create(records) as MemoryRecords, {
      turnRecorded: async (turn: Parameters<MemoryRecords['turnRecorded']>[0]) => {
        fail();
        await records.turnRecorded(turn);
      },
    }),
    kind: 'sqlite',
    // The database answers reads throughout: only writes show the problem.
    ready: async () => true,
    close: async () => {},
  };
  return { handle, state, memory };
}

describe('storage readiness follows the writes', () => {
  it('reports not ready after a failed write and ready again after the next good one', async () => {
    const { handle: inner, state } = flakyHandle();
    const handle = withWriteHealth(inner);
    expect(await handle.ready()).toBe(true);
    state.failing = true;
    await expect(handle.storage.write({ k: { v: 1 } })).rejects.toThrow(/disk is full/);
    expect(await handle.ready()).toBe(false);
    state.failing = false;
    await handle.storage.write({ k: { v: 2 } });
    expect(await handle.ready()).toBe(true);
    expect((await handle.storage.read(['k'])).k).toMatchObject({ v: 2 });
  });

  it('counts a failed record write (a turn) as a failed write', async () => {
    const { handle: inner, state } = flakyHandle();
    const handle = withWriteHealth(inner);
    expect(await handle.ready()).toBe(true);
    state.failing = true;
    const turn = {
      sessionId: 's',
      turn: 1,
      customer: '',
      reply: 'r',
      customerAt: 0,
      customerUntil: 0,
      replyAt: 0,
      interrupted: false,
      evaluation: { findings: [] } as never,
      answer: '',
    };
    await expect(handle.records.turnRecorded(turn)).rejects.toThrow(/disk is full/);
    expect(await handle.ready()).toBe(false);
  });

  it('recovers by itself once writes work, without waiting for a trainee turn', async () => {
    const { handle: inner, state, memory } = flakyHandle();
    const handle = withWriteHealth(inner);
    state.failing = true;
    // No trainee write at all: the readiness check finds out by writing its own probe row.
    expect(await handle.ready()).toBe(false);
    expect(await handle.ready()).toBe(false);
    state.failing = false;
    expect(await handle.ready()).toBe(true);
    expect(Object.keys(await memory.read([READINESS_KEY]))).toEqual([READINESS_KEY]);
  });

  it('does not write on every check while writes are known to work', async () => {
    let t = 0;
    const { handle: inner, state } = flakyHandle();
    const handle = withWriteHealth(inner, () => t);
    await handle.storage.write({ k: { v: 1 } });
    const before = state.writes;
    for (let i = 0; i < 10; i++) expect(await handle.ready()).toBe(true);
    expect(state.writes).toBe(before);
    t += 60_000;
    expect(await handle.ready()).toBe(true);
    expect(state.writes).toBe(before + 1);
  });
});
