// The bot's per-turn state on the real stores: one read and one write per turn, nothing
// written when nothing changed, a stale write refused (two instances on one database do
// not drop each other's turns), and items interchangeable with botbuilder's own.
import {
  ActivityTypes,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  UserState,
  type Activity,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { isETagConflict, type StorageHandle } from '../storage/index.ts';
import { backends, dropSchema } from '../storage/testing/backends.ts';
import { MemoryRecords } from '../records/memory-records.ts';
import { fakeEngine } from '../testing/fake-engine.ts';
import { interceptWrites } from '../testing/storage.ts';
import { silentLogger } from '../web/testing/echo-server.ts';
import { NO_PACING } from '../../scenarios/index.ts';
import { TrainingBot } from '../conversation/training-bot.ts';
import { TurnState } from './turn-state.ts';

const activity = (text = 'hi'): Partial<Activity> => ({
  type: ActivityTypes.Message,
  text,
  channelId: 'test',
  conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'u1', name: 'U' },
  recipient: { id: 'bot', name: 'bot' },
});

const turn = (a: Partial<Activity> = activity()) => new TurnContext(new TestAdapter(), a);

/** Counts the storage calls a turn makes. */
function counting(storage: Storage) {
  const calls = { read: 0, write: 0 };
  const counted: Storage = {
    read: (keys) => (calls.read++, storage.read(keys)),
    write: (changes: StoreItems) => (calls.write++, storage.write(changes)),
    delete: (keys) => storage.delete(keys),
  };
  return { calls, counted };
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`turn state on ${backend.name}`, () => {
    const opened: { handle: StorageHandle; schema?: string }[] = [];
    async function open(): Promise<Storage> {
      const config = backend.config();
      const handle = await backend.open(config);
      opened.push({ handle, schema: config.databaseSchema });
      return handle.storage;
    }
    afterEach(async () => {
      for (const { handle, schema } of opened.splice(0)) {
        await handle.close().catch(() => undefined);
        await dropSchema(schema);
      }
    });

    it('reads both items in one call and writes both in one call, and writes nothing when nothing changed', async () => {
      const { calls, counted } = counting(await open());
      const state = new TurnState(counted);
      const first = turn();
      await state.load(first);
      state.conversation(first, 'roleplay', () => ({ step: 1 }));
      state.user(first, 'roleplay-user', () => ({ locale: 'en' }));
      await state.save(first);
      expect(calls).toEqual({ read: 1, write: 1 });

      const second = turn();
      await state.load(second);
      await state.load(second);
      expect(state.conversation(second, 'roleplay', () => ({ step: 0 }))).toEqual({ step: 1 });
      await state.save(second);
      expect(calls).toEqual({ read: 2, write: 1 });
    });

    it('keeps what it saved for the next turn, and a turn that fails half-way leaves nothing of its changes', async () => {
      const { calls, counted } = counting(await open());
      const state = new TurnState(counted, { cacheSize: 10 });
      const first = turn();
      await state.load(first);
      state.conversation(first, 'roleplay', () => ({ step: 1 }));
      await state.save(first);

      const failed = turn();
      await state.load(failed);
      expect(calls.read).toBe(1);
      state.conversation(failed, 'roleplay', () => ({ step: 0 })).step = 99;
      // no save: the turn threw

      const next = turn();
      await state.load(next);
      expect(state.conversation(next, 'roleplay', () => ({ step: 0 }))).toEqual({ step: 1 });
      expect(calls).toEqual({ read: 2, write: 1 });
    });

    it("refuses a write made on stale state, and the re-read sees the other instance's change", async () => {
      const storage = await open();
      // Caching or not, a write on a stale eTag is refused.
      const a = new TurnState(storage, { cacheSize: 10 });
      const b = new TurnState(storage);
      const setup = turn();
      await a.load(setup);
      a.conversation(setup, 'roleplay', () => ({ replies: [] as string[] }));
      await a.save(setup);

      const slow = turn();
      await a.load(slow);
      const fast = turn();
      await b.load(fast);
      b.conversation(fast, 'roleplay', () => ({ replies: [] as string[] })).replies.push('from b');
      await b.save(fast);

      a.conversation(slow, 'roleplay', () => ({ replies: [] as string[] })).replies.push('from a');
      const stale = await a.save(slow).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isETagConflict(stale)).toBe(true);

      await a.load(slow, true);
      const replies = a.conversation(slow, 'roleplay', () => ({ replies: [] as string[] })).replies;
      expect(replies).toEqual(['from b']);
      replies.push('from a');
      await a.save(slow);
      // B's own copy is now stale: B would find out from its next write, as A just did.
      const check = turn();
      await b.load(check, true);
      expect(b.conversation(check, 'roleplay', () => ({ replies: [] as string[] })).replies).toEqual(['from b', 'from a']);
    });

    it("keeps botbuilder's keys and item shapes, so state saved before carries on", async () => {
      const storage = await open();
      const old = turn();
      const conversationState = new ConversationState(storage);
      const userState = new UserState(storage);
      await conversationState.createProperty<{ step: number }>('roleplay').set(old, { step: 7 });
      await userState.createProperty<{ locale: string }>('roleplay-user').set(old, { locale: 'en' });
      await conversationState.saveChanges(old);
      await userState.saveChanges(old);

      const state = new TurnState(storage);
      const now = turn();
      await state.load(now);
      expect(state.conversation(now, 'roleplay', () => ({ step: 0 }))).toEqual({ step: 7 });
      expect(state.user(now, 'roleplay-user', () => ({ locale: 'zh-CN' }))).toEqual({ locale: 'en' });
    });

    it('an item read and then changed in place by other code is stored as changed', async () => {
      const storage = await open();
      await storage.write({ 'test/conversations/c9/': { roleplay: { step: 1 } } });
      const item = (await storage.read(['test/conversations/c9/']))['test/conversations/c9/'] as { roleplay: { step: number } };
      item.roleplay.step = 2;
      await storage.write({ 'test/conversations/c9/': item });
      expect((await storage.read(['test/conversations/c9/']))['test/conversations/c9/']).toMatchObject({ roleplay: { step: 2 } });
    });

    it('two bot instances on one store answering the same conversation at once keep both replies', async () => {
      const storage = await open();
      // Instance A has read the session and is about to save when instance B's turn runs whole.
      let hold: (() => void) | undefined;
      let held: Promise<void> | undefined;
      const gated = interceptWrites(storage, async (_changes, next) => {
        if (hold === undefined && held === undefined) {
          held = new Promise<void>((resolve) => (hold = resolve));
          await held;
        }
        return next();
      });
      const options = {
        engine: fakeEngine(0),
        records: new MemoryRecords(),
        logger: silentLogger,
        defaultLocale: 'en' as const,
        defaultMode: 'practice' as const,
        pacing: NO_PACING,
        maxReplyChars: 500,
      };
      const a = new TestAdapter(async (context) => new TrainingBot({ ...options, storage: gated }).run(context));
      const b = new TestAdapter(async (context) => new TrainingBot({ ...options, storage }).run(context));
      const message = (text: string, id: string) => ({ ...activity(text), id, locale: 'en-US' });
      await b.receiveActivity(message('start wrong-change', 'm1'));
      const slow = a.receiveActivity(message('I am sorry about that', 'm2'));
      while (!hold) await new Promise((resolve) => setTimeout(resolve, 5));
      await b.receiveActivity(message('let me recount the till', 'm3'));
      hold();
      await slow;
      b.activeQueue.splice(0);
      await b.receiveActivity(message('score', 'm4'));
      const card = JSON.stringify(b.activeQueue.find((x) => x.attachments?.length)?.attachments?.[0]?.content);
      expect(card).toContain('I am sorry about that');
      expect(card).toContain('let me recount the till');
    });
  });
}

it('needs load() before the state is used', () => {
  const state = new TurnState(new MemoryStorage());
  expect(() => state.conversation(turn(), 'roleplay', () => ({}))).toThrow(/load\(\) was not called/);
});
