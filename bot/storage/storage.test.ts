import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage, isETagConflict, type StorageConfig, type StorageHandle } from './index.ts';
import { backends, dropSchema, NO_POSTGRES_REASON, tempDataDir } from './testing/backends.ts';
import { dispute, sessionEnd, sessionStart, turnRecord } from './testing/fixtures.ts';

if (backends.some((b) => b.skip)) console.warn(NO_POSTGRES_REASON);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`${backend.name} storage (${backend.skip ? NO_POSTGRES_REASON : 'real server'})`, () => {
    const opened: { handle: StorageHandle; config: StorageConfig }[] = [];
    async function open(config = backend.config()): Promise<StorageHandle> {
      const handle = await backend.open(config);
      opened.push({ handle, config });
      return handle;
    }
    afterEach(async () => {
      for (const { handle, config } of opened.splice(0)) {
        await handle.close().catch(() => undefined);
        await dropSchema(config.databaseSchema);
      }
    });

    it('reads back what it wrote, with a new eTag on each write', async () => {
      const { storage, kind } = await open();
      expect(kind).toBe(backend.name);
      await storage.write({ 'conv/1': { step: 1, text: '你好 <b>' } });
      const first = (await storage.read(['conv/1', 'missing']))['conv/1'];
      expect(first).toMatchObject({ step: 1, text: '你好 <b>' });
      expect(typeof first.eTag).toBe('string');
      await storage.write({ 'conv/1': { ...first, step: 2 } });
      const second = (await storage.read(['conv/1']))['conv/1'];
      expect(second.step).toBe(2);
      expect(second.eTag).not.toBe(first.eTag);
      expect(await storage.read(['missing'])).toEqual({});
    });

    it('rejects a write with a stale eTag and keeps the newer data', async () => {
      const { storage } = await open();
      await storage.write({ k: { n: 0 } });
      const a = (await storage.read(['k'])).k;
      const b = (await storage.read(['k'])).k;
      await storage.write({ k: { ...a, n: 1 } });
      const error = await storage.write({ k: { ...b, n: 2 } }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isETagConflict(error)).toBe(true);
      expect((await storage.read(['k'])).k.n).toBe(1);
      // '*' and a missing eTag write unconditionally
      await storage.write({ k: { n: 3, eTag: '*' } });
      await storage.write({ k: { n: 4 } });
      expect((await storage.read(['k'])).k.n).toBe(4);
    });

    it('lets the same object be saved twice in a row (the eTag is refreshed on it)', async () => {
      const { storage } = await open();
      await storage.write({ k: { n: 0 } });
      const item = (await storage.read(['k'])).k;
      item.n = 1;
      await storage.write({ k: item });
      item.n = 2;
      await storage.write({ k: item });
      expect((await storage.read(['k'])).k.n).toBe(2);
    });

    it('loses no update when many writers race on one key and retry on conflict', async () => {
      const { storage } = await open();
      await storage.write({ counter: { turns: [] as number[] } });
      async function append(value: number): Promise<void> {
        for (;;) {
          const item = (await storage.read(['counter'])).counter;
          try {
            await storage.write({ counter: { ...item, turns: [...item.turns, value] } });
            return;
          } catch (error) {
            if (!isETagConflict(error)) throw error;
          }
        }
      }
      await Promise.all(Array.from({ length: 12 }, (_, i) => append(i)));
      const turns = (await storage.read(['counter'])).counter.turns as number[];
      expect([...turns].sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    });

    it('deletes', async () => {
      const { storage } = await open();
      await storage.write({ a: { x: 1 }, b: { x: 2 } });
      await storage.delete(['a']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('records sessions, turns, reports and disputes idempotently', async () => {
      const { records } = await open();
      await records.sessionStarted(sessionStart('s1'));
      await records.sessionStarted(sessionStart('s1'));
      await records.turnRecorded(turnRecord('s1', 1, '请提供您的SKU编号', 'SKU'));
      await records.turnRecorded(turnRecord('s1', 1, '请提供您的SKU编号', 'SKU'));
      await records.turnRecorded(turnRecord('s1', 2, '我马上给您补上差额。'));
      await records.sessionEnded(sessionEnd('s1', 77));
      await records.addDispute(dispute('s1', 1, 'SKU', '请提供您的SKU编号', '顾客懂这个词'));
      await records.addDispute(dispute('s1', 1, 'SKU', '请提供您的SKU编号'));

      const turns = await records.sessionTurns!('s1');
      expect(turns.map((t) => t.turn)).toEqual([1, 2]);
      expect(turns[0]?.evaluation.findings[0]).toMatchObject({ text: 'SKU', span: [5, 8] });
      const [summary] = await records.listSessions!({});
      expect(summary).toMatchObject({ sessionId: 's1', traineeId: 'u1', traineeName: 'Lin', turns: 2, overall: 77, outcome: 'resolved' });
      const disputes = await records.listDisputes!();
      expect(disputes).toHaveLength(1);
      expect(disputes[0]).toMatchObject({ comment: '顾客懂这个词', status: 'open', finding: { text: 'SKU', span: [5, 8] } });
    });

    it('gives a trainee their history newest first, and filters sessions', async () => {
      const { records } = await open();
      await records.sessionStarted(sessionStart('old', { startedAt: 1000 }));
      await records.sessionStarted(sessionStart('new', { startedAt: 3000, scenarioId: 'late-delivery' }));
      await records.sessionStarted(sessionStart('other', { startedAt: 2000, trainee: { id: 'u2', channel: 'msteams' } }));
      await records.sessionEnded(sessionEnd('old', 60));
      const history = await records.history('u1');
      expect(history.map((h) => h.sessionId)).toEqual(['new', 'old']);
      expect(history[1]).toMatchObject({ overall: 60, dimensions: { jargon: 40 } });
      expect((await records.listSessions!({ scenarioId: 'late-delivery' })).map((s) => s.sessionId)).toEqual(['new']);
      expect((await records.listSessions!({ since: 2000 })).map((s) => s.sessionId)).toEqual(['new', 'other']);
    });

    it("records a trainer's decision on a dispute once, with the reason for a rejection", async () => {
      const { records } = await open();
      await records.sessionStarted(sessionStart('s1'));
      await records.turnRecorded(turnRecord('s1', 1, '请提供您的SKU编号', 'SKU'));
      await records.addDispute(dispute('s1', 1, 'SKU', '请提供您的SKU编号'));
      const key = { sessionId: 's1', turn: 1, evaluator: 'jargon', rule: 'term', span: [5, 8] as [number, number] };
      expect(await records.resolveDispute!(key, { status: 'rejected', reason: '顾客并不知道这个词', at: 5 })).toBe(true);
      expect(await records.resolveDispute!(key, { status: 'accepted', at: 6 })).toBe(false);
      expect(await records.listDisputes!()).toEqual([]);
      const [decided] = await records.listDisputes!({ all: true });
      expect(decided).toMatchObject({ status: 'rejected', reason: '顾客并不知道这个词', resolvedAt: 5 });
      expect(await records.session!('s1')).toMatchObject({ sessionId: 's1', traineeName: 'Lin', turns: 1 });
    });

    it('keeps learning-record statements in the outbox until they are sent, retrying later ones', async () => {
      const { outbox } = await open();
      await outbox!.enqueue({ statementId: 'a', sessionId: 's1', statement: '{"id":"a"}' }, 100);
      await outbox!.enqueue({ statementId: 'a', sessionId: 's1', statement: '{"id":"a"}' }, 100);
      await outbox!.enqueue({ statementId: 'b', sessionId: 's2', statement: '{"id":"b"}' }, 200);
      expect((await outbox!.due(300, 10)).map((i) => i.statementId)).toEqual(['a', 'b']);
      await outbox!.markFailed(['a'], 'HTTP 503', (attempts) => 1000 * attempts);
      expect((await outbox!.due(300, 10)).map((i) => i.statementId)).toEqual(['b']);
      expect(await outbox!.nextDueAt()).toBe(200);
      await outbox!.markSent(['b'], 400);
      expect(await outbox!.nextDueAt()).toBe(1000);
      expect(await outbox!.due(1000, 10)).toMatchObject([{ statementId: 'a', attempts: 1 }]);
      expect(await outbox!.pending()).toBe(1);
    });

    it('keeps everything across a close and reopen (migrations run once)', async () => {
      const config = backend.config();
      const first = await backend.open(config);
      await first.storage.write({ k: { v: 'kept' } });
      await first.records.sessionStarted(sessionStart('s1'));
      await first.close();
      const second = await open(config);
      expect((await second.storage.read(['k'])).k.v).toBe('kept');
      expect(await second.records.history('u1')).toHaveLength(1);
      expect(await second.ready()).toBe(true);
    });
  });
}

describe('sqlite specifics', () => {
  it('creates the data directory and a WAL database on first start', async () => {
    const dir = join(tempDataDir(), 'nested', 'data');
    const handle = await openStorage({ dataDir: dir });
    try {
      await handle.storage.write({ k: { v: 1 } });
      expect(existsSync(join(dir, 'roleplay.sqlite'))).toBe(true);
      expect(existsSync(join(dir, 'roleplay.sqlite-wal'))).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('says clearly when the data directory cannot be used', async () => {
    const file = join(tempDataDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(openStorage({ dataDir: join(file, 'data') })).rejects.toThrow(/cannot open the data directory/);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL', async () => {
    await expect(openStorage({ dataDir: tempDataDir(), databaseUrl: 'mysql://x' })).rejects.toThrow(/must start with postgres/);
  });
});
