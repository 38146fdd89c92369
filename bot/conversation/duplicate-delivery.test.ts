// Channels retry deliveries: the same activity arriving twice is handled once.
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { MemoryRecords } from '../records/memory-records.ts';
import { fakeEngine } from '../testing/fake-engine.ts';
import { TrainingBot } from './training-bot.ts';
import { silentLogger } from '../web/testing/echo-server.ts';
import { NO_PACING } from '../../scenarios/index.ts';

describe('duplicate delivery', () => {
  it('answers and records a retried activity (same id) only once', async () => {
    const storage = new MemoryStorage();
    const records = new MemoryRecords();
    const bot = new TrainingBot({
      engine: fakeEngine(0),
      storage: storage,
      records,
      logger: silentLogger,
      defaultLocale: 'en',
      defaultMode: 'practice',
      pacing: NO_PACING,
      maxReplyChars: 100,
      now: () => 1_000_000,
    });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    const send = async (id: string, text: string) => {
      const before = adapter.activeQueue.length;
      await adapter.receiveActivity({
        type: ActivityTypes.Message,
        id,
        text,
        locale: 'en-US',
        from: { id: 'u1', name: 'U' },
      } as Partial<Activity>);
      return adapter.activeQueue.splice(before).filter((a) => a.type === ActivityTypes.Message);
    };
    expect((await send('a1', 'start wrong-change')).length).toBeGreaterThan(0);
    const first = await send('a2', 'I am sorry, let me check the till');
    expect(first.length).toBeGreaterThan(0);
    const retried = await send('a2', 'I am sorry, let me check the till');
    expect(retried).toEqual([]);
    expect([...records.turns.values()].length).toBe(1);
    // A new message is handled as usual.
    expect((await send('a3', 'here is the difference')).length).toBeGreaterThan(0);
    expect([...records.turns.values()].length).toBe(2);
  });
});
