import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ActivityLog } from './activity-log.ts';

describe('ActivityLog', () => {
  it('keeps only the newest activities, with watermarks that stay valid', async () => {
    const log = new ActivityLog(new MemoryStorage(), 3);
    await log.ensure('c1', 'u1');
    for (let i = 1; i <= 5; i += 1) await log.append('c1', [{ type: 'message', text: `m${i}` }]);
    const record = await log.get('c1');
    expect(record?.activities.map((a) => a.activity.text)).toEqual(['m3', 'm4', 'm5']);
    expect(ActivityLog.page(record!, '4')).toEqual({ activities: [expect.objectContaining({ text: 'm5' })], watermark: '5' });
    expect(ActivityLog.page(record!, 'garbage').activities).toHaveLength(3);
  });

  it('loses no append when many arrive at once', async () => {
    const log = new ActivityLog(new MemoryStorage(), 100);
    await log.ensure('c2', 'u2');
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append('c2', [{ type: 'message', text: String(i) }])));
    const record = await log.get('c2');
    expect(record?.activities).toHaveLength(20);
    expect(new Set(record?.activities.map((a) => a.activity.id)).size).toBe(20);
  });

  it('loses no append when two instances write to one conversation at once', async () => {
    const storage = new MemoryStorage();
    const a = new ActivityLog(storage, 100);
    const b = new ActivityLog(storage, 100);
    await a.ensure('c4', 'u4');
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).append('c4', [{ type: 'message', text: String(i) }])));
    const record = await a.get('c4');
    expect(record?.activities.map((e) => e.activity.text).sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(i)).sort());
  });

  it('survives a new instance on the same storage (a restart or a second server)', async () => {
    const storage = new MemoryStorage();
    const first = new ActivityLog(storage, 10);
    await first.ensure('c3', 'u3');
    await first.append('c3', [{ type: 'message', text: 'kept' }]);
    expect((await new ActivityLog(storage, 10).get('c3'))?.activities[0]?.activity.text).toBe('kept');
  });
});
