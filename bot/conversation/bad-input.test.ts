// Bad input through TestAdapter: unknown commands, empty text, attachments, forged card
// submits, unknown scenarios and over-long replies each get a clear answer, and nothing is lost.
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { NO_PACING } from '../../scenarios/index.ts';
import { MemoryRecords } from '../records/memory-records.ts';
import type { TurnRecord } from '../records/types.ts';
import { fakeEngine } from '../testing/fake-engine.ts';
import { TrainingBot } from './training-bot.ts';
import { silentLogger } from '../web/testing/echo-server.ts';

class RecordingRecords extends MemoryRecords {
  recorded: TurnRecord[] = [];
  override async turnRecorded(turn: TurnRecord): Promise<void> {
    this.recorded.push(turn);
    await super.turnRecorded(turn);
  }
}

function setup(maxReplyChars = 2000) {
  const storage = new MemoryStorage();
  const records = new RecordingRecords();
  const bot = new TrainingBot({
    engine: fakeEngine(),
    storage: storage,
    records,
    logger: silentLogger,
    defaultLocale: 'zh-CN',
    defaultMode: 'practice',
    pacing: NO_PACING,
    maxReplyChars,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const say = async (text: string, extra: Partial<Activity> = {}) => {
    await adapter.receiveActivity({ type: ActivityTypes.Message, text, locale: 'en-US', from: { id: 'u1', name: 'U' }, ...extra });
    return adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message);
  };
  return { say, records };
}

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');

describe('TrainingBot with bad input', () => {
  it('answers an unknown command with help rather than silence', async () => {
    const { say } = setup();
    expect(texts(await say('what is this?'))).toMatch(/Commands:/);
  });

  it('asks for text when a message is empty, whitespace or only an attachment', async () => {
    const { say } = setup();
    expect(texts(await say('   '))).toMatch(/type a reply/);
    expect(texts(await say('', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] }))).toMatch(
      /Only text/,
    );
  });

  it('rejects forged or malformed card submits with a clear reply', async () => {
    const { say } = setup();
    expect(texts(await say('', { value: { action: 'start', scenarioId: '../../etc/passwd' } }))).toMatch(/invalid/);
    expect(texts(await say('', { value: 'not an object' }))).toMatch(/invalid/);
    expect(texts(await say('', { value: { action: 'launch-missiles' } }))).toMatch(/invalid/);
    expect(texts(await say('', { value: { action: 'mode', mode: 'nightmare' } }))).toMatch(/invalid/);
  });

  it('starts a scenario from a card button and names an unknown scenario id in its answer', async () => {
    const { say } = setup();
    expect(texts(await say('start nope'))).toContain('"nope"');
    expect(texts(await say('', { value: { action: 'start', scenarioId: 'wrong-change' } }))).toContain('wrong change');
  });

  it('scores a 20,000-character reply on its first part, says so, and keeps the session going', async () => {
    const { say, records } = setup();
    await say('start wrong-change');
    const sent = await say('sorry '.repeat(3400));
    expect(texts(sent)).toMatch(/first 2000 characters/);
    expect(records.recorded[0]?.reply.length).toBe(2000);
    await say('Let me count it again.');
    expect(records.recorded.map((t) => t.turn)).toEqual([1, 2]);
  });

  it('tells the trainee the limit that was applied, whatever limit is configured', async () => {
    const higher = setup(5000);
    await higher.say('start wrong-change');
    const long = await higher.say('sorry '.repeat(1000));
    expect(texts(long)).toMatch(/first 2000 characters/);
    expect(higher.records.recorded[0]?.reply.length).toBe(2000);

    const lower = setup(300);
    await lower.say('start wrong-change');
    expect(texts(await lower.say('sorry '.repeat(100)))).toMatch(/first 300 characters/);
    expect(lower.records.recorded[0]?.reply.length).toBe(300);
  });
});
