import { afterAll, describe, expect, it } from 'vitest';
import { backends, dropSchema } from '../storage/testing/backends.ts';
import { MemoryDirectLineStore, type DirectLineStore } from '../storage/directline-store.ts';
import type { StorageHandle } from '../storage/index.ts';
import { ActivityLog } from './activity-log.ts';

const opened: { handle: StorageHandle; schema?: string }[] = [];
afterAll(async () => {
  for (const { handle, schema } of opened) {
    await handle.close();
    await dropSchema(schema);
  }
});

const kinds: { name: string; skip: boolean; open(): Promise<DirectLineStore> }[] = [
  { name: 'memory', skip: false, open: async () => new MemoryDirectLineStore() },
  ...backends.map((b) => ({
    name: b.name,
    skip: b.skip,
    async open() {
      const config = b.config();
      const handle = await b.open(config);
      opened.push({ handle, schema: config.databaseSchema });
      return handle.directLine!;
    },
  })),
];

describe.each(kinds)('ActivityLog on $name', (kind) => {
  it.skipIf(kind.skip)('keeps only the newest activities, with watermarks that stay valid', async () => {
    const log = new ActivityLog(await kind.open(), 3);
    await log.ensure('c1', 'u1');
    for (let i = 1; i <= 5; i += 1) await log.append('c1', [{ type: 'message', text: `m${i}` }]);
    const all = await log.page('c1', undefined);
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe('5');
    expect(await log.page('c1', '4')).toEqual({ activities: [expect.objectContaining({ text: 'm5' })], watermark: '5' });
    expect((await log.page('c1', 'garbage')).activities).toHaveLength(3);
  });

  it.skipIf(kind.skip)('loses no append when many arrive at once, from one or two instances', async () => {
    const store = await kind.open();
    const a = new ActivityLog(store, 100);
    const b = new ActivityLog(store, 100);
    await a.ensure('c2', 'u2');
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append('c2', [{ type: 'message', text: String(i) }])));
    const page = await a.page('c2', undefined);
    expect(page.activities).toHaveLength(20);
    expect(new Set(page.activities.map((x) => x.id)).size).toBe(20);
    expect(page.activities.map((x) => x.text).sort()).toEqual(Array.from({ length: 20 }, (_, i) => String(i)).sort());
  });

  it.skipIf(kind.skip)('keeps a message pending until its turn is settled, for a restart to finish', async () => {
    const store = await kind.open();
    const log = new ActivityLog(store, 10);
    await log.ensure('c3', 'u3');
    const [bot] = await log.append('c3', [{ type: 'message', text: 'greeting' }]);
    const [mine] = await log.append('c3', [{ type: 'message', text: 'answer me' }], true);
    expect(bot?.seq).toBe(1);
    expect((await store.pending()).map((p) => [p.conversationId, p.seq, p.activity.text])).toEqual([['c3', 2, 'answer me']]);
    await log.settle('c3', mine!.seq);
    expect(await store.pending()).toEqual([]);
  });

  it.skipIf(kind.skip)('replaces and removes single activities, and refuses appends to unknown conversations', async () => {
    const log = new ActivityLog(await kind.open(), 10);
    await log.ensure('c4', 'u4');
    const [one] = await log.append('c4', [{ type: 'message', text: 'one' }]);
    expect(await log.replace('c4', { id: one!.activity.id, text: 'uno' })).toBe(true);
    expect(await log.replace('c4', { id: 'nope', text: 'x' })).toBe(false);
    expect((await log.page('c4', undefined)).activities[0]?.text).toBe('uno');
    await log.remove('c4', one!.activity.id!);
    expect((await log.page('c4', undefined)).activities).toEqual([]);
    await expect(log.append('never-made', [{ type: 'message' }])).rejects.toThrow();
  });

  it.skipIf(kind.skip)('deletes conversations idle since before the cut-off, with their activities', async () => {
    const store = await kind.open();
    let now = 1_000_000;
    const log = new ActivityLog(store, 10, () => now);
    await log.ensure('old', 'u');
    await log.append('old', [{ type: 'message', text: 'stale' }]);
    now = 2_000_000;
    await log.ensure('new', 'u');
    expect(await store.expire(1_500_000)).toBe(1);
    expect(await log.get('old')).toBeUndefined();
    expect(await store.after('old', 0)).toEqual([]);
    expect(await log.get('new')).toBeDefined();
  });
});
