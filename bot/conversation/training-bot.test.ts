// The bot's behaviour through botbuilder's TestAdapter: greeting card, a whole session,
// practice vs exam, commands in both languages, an interruption, two turns at once.
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { MemoryRecords } from '../records/memory-records.ts';
import { fakeEngine } from '../testing/fake-engine.ts';
import { interceptWrites } from '../testing/storage.ts';
import { TrainingBot } from './training-bot.ts';
import { silentLogger } from '../web/testing/echo-server.ts';
import { NO_PACING } from '../../scenarios/index.ts';
import { turnsCsv } from '../trainer/export.ts';
import { loadEngine, type EnginePort } from './engine-port.ts';

interface SetupOptions {
  pacingMs?: number;
  mode?: 'practice' | 'exam';
  engine?: EnginePort;
  /** Where the state lives (default: a fresh MemoryStorage). */
  storage?: Storage;
  defaultLocale?: 'zh-CN' | 'en';
}

function setup(options: SetupOptions = {}) {
  const clock = { now: 1_000_000 };
  const records = new MemoryRecords();
  const bot = new TrainingBot({
    engine: options.engine ?? fakeEngine(options.pacingMs ?? 0),
    storage: options.storage ?? new MemoryStorage(),
    records,
    logger: silentLogger,
    defaultLocale: options.defaultLocale ?? 'zh-CN',
    defaultMode: options.mode ?? 'practice',
    pacing: options.pacingMs ? { enabled: true, msPerChar: 1, minPauseMs: 0, maxPauseMs: 5 } : NO_PACING,
    maxReplyChars: 100,
    now: () => clock.now,
  });
  const sent: Partial<Activity>[] = [];
  const adapter = new TestAdapter(async (context) => {
    await bot.run(context);
  });
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  const say = async (text: string, extra: Partial<Activity> = {}) => {
    const before = adapter.activeQueue.length;
    await adapter.receiveActivity({ type: ActivityTypes.Message, text, locale: 'en-US', from: { id: 'u1', name: 'U' }, ...extra });
    const out = adapter.activeQueue.splice(before);
    sent.push(...out);
    return out.filter((a) => a.type === ActivityTypes.Message);
  };
  return { bot, adapter, say, clock, records };
}

const texts = (activities: Partial<Activity>[]) => activities.map((a) => a.text ?? '').join('\n');

describe('TrainingBot', () => {
  it('greets a new member in their locale with an Adaptive Card 1.5 scenario picker', async () => {
    const { adapter } = setup();
    await adapter.receiveActivity({
      type: ActivityTypes.ConversationUpdate,
      locale: 'zh-CN',
      membersAdded: [{ id: 'u1', name: 'U' }],
      recipient: { id: 'bot', name: 'bot' },
    });
    const out = adapter.activeQueue.splice(0);
    expect(texts(out)).toContain('客服陪练');
    const card = out.find((a) => a.attachments?.length)?.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect((card?.content as { version: string }).version).toBe('1.5');
    expect(JSON.stringify(card?.content)).toContain('找错零钱');
  });

  it('coaches after each reply in practice mode as its own sender and ends with a score card', async () => {
    const { say, clock } = setup();
    expect(texts(await say('start wrong-change'))).toContain('wrong change');
    clock.now += 5000;
    const first = await say('You must calm down, that is our policy.');
    const coach = first.find((a) => (a.channelData as { sender?: string } | undefined)?.sender === 'coach');
    expect(coach, 'a coach note').toBeDefined();
    const note = JSON.stringify(coach?.attachments?.[0]?.content);
    expect(note).toContain('"Coach"');
    clock.now += 5000;
    await say('sorry, I will count it again');
    clock.now += 5000;
    const last = await say('here is your change');
    const card = last.find((a) => JSON.stringify(a.attachments?.[0]?.content ?? '').includes('Score card'));
    expect(JSON.stringify(card?.attachments?.[0]?.content)).toContain('Problem solving');
    // The card alone: a text beside it would show the score card twice in Web Chat.
    expect(card?.text).toBeUndefined();
    expect((card?.attachments?.[0]?.content as { fallbackText?: string }).fallbackText).toContain('Empathy');
    const history = texts(await say('history'));
    expect(history).toContain('Wrong change');
    expect(history).toContain('Latest');
  });

  it('says nothing but the customer in exam mode until the end', async () => {
    const { say, clock } = setup({ mode: 'exam' });
    await say('start wrong-change');
    clock.now += 5000;
    const reply = await say('ok');
    expect(texts(reply)).toBe('Hmm.\nSo what will you do?');
  });

  it('understands Chinese commands, switches language and mode, and answers unknown input with help', async () => {
    const { say } = setup();
    expect(texts(await say('语言 中文'))).toContain('中文');
    expect(texts(await say('模式 考试'))).toContain('考试');
    expect(texts(await say('开始 nope'))).toContain('nope');
    expect(texts(await say('blah'))).toContain('列表');
    expect(texts(await say('', { value: { action: 'dispute' } }))).toContain('无效');
  });

  it('treats a reply while the customer is still speaking as an interruption', async () => {
    const { say, clock } = setup({ pacingMs: 1000 });
    await say('start wrong-change');
    clock.now += 200;
    const out = texts(await say('wait wait'));
    expect(out).toContain('cut the customer off');
    expect(out).toContain('Let me finish!');
  });

  it('loses neither of two messages that arrive at once', async () => {
    const { adapter, say, clock } = setup();
    await say('start wrong-change');
    clock.now += 5000;
    const message = (text: string, id: string) => ({
      type: ActivityTypes.Message,
      text,
      id,
      locale: 'en-US',
      from: { id: 'u1', name: 'U' },
    });
    await Promise.all([adapter.receiveActivity(message('sorry about that', 'x1')), adapter.receiveActivity(message('let me check', 'x2'))]);
    adapter.activeQueue.splice(0);
    const score = await say('score');
    const card = JSON.stringify(score.find((a) => a.attachments?.length)?.attachments?.[0]?.content);
    expect(card).toContain('sorry about that');
    expect(card).toContain('let me check');
  });

  it('re-runs a turn whose state save hits an eTag conflict, sending its replies once', async () => {
    let failNext = false;
    const storage = interceptWrites(new MemoryStorage(), async (_changes, next) => {
      if (failNext) {
        failNext = false;
        throw new Error('Storage: error writing "x" due to eTag conflict.');
      }
      return next();
    });
    const { say, clock } = setup({ storage, mode: 'exam', defaultLocale: 'en' });
    await say('start wrong-change');
    clock.now += 5000;
    failNext = true;
    expect(texts(await say('sorry'))).toBe('Hmm.\nSo what will you do?');
    clock.now += 5000;
    const card = (await say('end')).find((a) => a.attachments?.length);
    expect(JSON.stringify((card?.attachments?.[0]?.content as { body?: unknown })?.body).match(/sorry/g)?.length).toBe(1);
  });

  it('records each turn with the timestamps of the line it answered, and turns.csv shows them with the answer', async () => {
    const { say, clock, records } = setup({ pacingMs: 1000 });
    await say('start wrong-change');
    const startedAt = clock.now;
    clock.now += 5000;
    await say('sorry, let me count it again');
    const [sessionId = ''] = records.sessions.keys();
    const [turn] = await records.sessionTurns(sessionId);
    expect(turn?.customerAt).toBe(startedAt);
    // The fake customer's opening line lasts 1000 ms; the next line's end must not be recorded here.
    expect(turn?.customerUntil).toBe(startedAt + 1000);
    const [header, row] = turnsCsv(turn ? [turn] : []).split('\r\n');
    expect(header).toContain('customer_at,customer_until');
    expect(header).toContain('answer');
    expect(row).toContain(new Date(startedAt + 1000).toISOString());
    expect(row).toContain('Hmm. So what will you do?');
  });

  it("the coach gives at most two short points in the trainee's language, never an internal id", async () => {
    const { engine } = await loadEngine();
    if (!engine) throw new Error('the scenario engine did not load');
    for (const [locale, start, replies, name] of [
      ['zh-CN', '开始 wrong-change', ['不可能，我们收银机从来不会错。', '您别着急，我现在就清点钱箱。'], '教练'],
      [
        'en',
        'start wrong-change',
        ["That's impossible, the till never makes mistakes.", "Sorry about that, I'll count the till now."],
        'Coach',
      ],
    ] as const) {
      const { say, clock } = setup({ engine });
      await say(locale === 'en' ? 'language en' : '语言 中文');
      await say(start, { locale });
      for (const reply of replies) {
        clock.now += 60_000;
        const out = await say(reply, { locale });
        const coach = out.find((a) => (a.channelData as { sender?: string } | undefined)?.sender === 'coach');
        const content = coach?.attachments?.[0]?.content as { body: { type: string; text?: string; columns?: unknown }[] };
        const points = content.body.filter((b) => b.type === 'TextBlock').map((b) => b.text ?? '');
        expect(JSON.stringify(content.body[0])).toContain(name);
        expect(points.length, reply).toBeGreaterThan(0);
        expect(points.length, reply).toBeLessThanOrEqual(2);
        for (const p of points) {
          expect(p.length, p).toBeLessThanOrEqual(90);
          expect(p).not.toMatch(/positiveWording|problemSolving|interrupting|\/missing|[a-z]+[A-Z][a-z]+/);
          if (locale === 'zh-CN') expect(p).toMatch(/[\u4e00-\u9fff]/);
          else expect(p).not.toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });

  it('shows a briefing card with the role, the situation and the goal before the customer speaks', async () => {
    const { engine } = await loadEngine();
    if (!engine) throw new Error('the scenario engine did not load');
    for (const [locale, command, words] of [
      ['zh-CN', '开始 angry-contractor', ['你的角色', '情况', '目标', '保安']],
      ['en', 'start angry-contractor', ['Your role', 'The situation', 'Your goal', 'guard']],
    ] as const) {
      const { say } = setup({ engine });
      await say(locale === 'en' ? 'language en' : '语言 中文');
      const out = await say(command, { locale });
      const briefing = out.findIndex((a) => JSON.stringify(a.attachments?.[0]?.content ?? '').includes(words[0]));
      expect(briefing, locale).toBeGreaterThanOrEqual(0);
      const json = JSON.stringify(out[briefing]?.attachments?.[0]?.content);
      for (const w of words) expect(json, locale).toContain(w);
      // The briefing comes before the customer's first line.
      expect(out.findIndex((a, i) => i > briefing && !a.attachments?.length && !!a.text)).toBeGreaterThan(briefing);
    }
  });

  it('in a Teams channel, understands "@bot start …" and keeps each trainee\'s practice separate', async () => {
    const { say, clock } = setup();
    const bot = { id: '28:bot-app-id', name: '客服陪练 Roleplay' };
    const inChannel = (userId: string, text: string) =>
      say(`<at>${bot.name}</at> ${text}`, {
        from: { id: userId, name: userId },
        recipient: bot,
        conversation: { id: '19:channel@thread.tacv2', isGroup: true, conversationType: 'channel' } as Activity['conversation'],
        entities: [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: bot }],
      });
    expect(texts(await inChannel('alice', 'start wrong-change'))).toContain('Wrong change');
    // Bob has not started anything: Alice's session is not his.
    expect(texts(await inChannel('bob', 'hint'))).toContain('No practice is running');
    await inChannel('bob', 'start wrong-change');
    clock.now += 5000;
    await inChannel('alice', 'sorry, alice will count it');
    clock.now += 5000;
    await inChannel('bob', 'sorry, bob will count it');
    const aliceScore = JSON.stringify((await inChannel('alice', 'score')).find((a) => a.attachments?.length)?.attachments?.[0]?.content);
    expect(aliceScore).toContain('alice will count it');
    expect(aliceScore).not.toContain('bob will count it');
  });

  it('keeps an exam an exam: no mode change, hint or interim score until it ends', async () => {
    const { say, clock, records } = setup({ mode: 'exam' });
    expect(texts(await say('start wrong-change'))).toContain('Exam: Wrong change');
    expect(texts(await say('mode practice'))).toContain('cannot change');
    expect(texts(await say('', { value: { action: 'mode', mode: 'practice' } }))).toContain('cannot change');
    expect(texts(await say('hint'))).toBe('No hints during an exam.');
    expect(texts(await say('score'))).toContain('No interim score');
    clock.now += 5000;
    // Still no coaching after the refused switch.
    expect(texts(await say('sorry, let me count it'))).toBe('Hmm.\nSo what will you do?');
    expect(texts(await say('end'))).toContain('score card');
    expect([...records.sessions.values()][0]?.mode).toBe('exam');
    expect(texts(await say('mode practice'))).toContain('practice');
  });

  it('ends a running session as abandoned when the trainee starts another, so no record stays in progress', async () => {
    const { say, clock, records } = setup();
    await say('start wrong-change');
    clock.now += 5000;
    await say('sorry about that');
    expect(texts(await say('restart'))).toContain('recorded as abandoned');
    clock.now += 5000;
    await say('start wrong-change');
    const sessions = await records.listSessions();
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.outcome === 'abandoned')).toHaveLength(2);
    expect(sessions.filter((s) => s.endedAt === undefined)).toHaveLength(1);
  });

  it('after the fix says the closing words are next, and a new scenario then records the case resolved', async () => {
    const { engine } = await loadEngine();
    if (!engine) throw new Error('the scenario engine did not load');
    const { say, clock, records } = setup({ engine });
    await say('开始 wrong-change', { locale: 'zh-CN' });
    let settled = '';
    for (const reply of ['您别着急，我理解。', '我现在就核对小票，清点钱箱。', '钱箱确实多了五十，这五十退给您，非常抱歉。']) {
      clock.now += 60_000;
      settled = texts(await say(reply, { locale: 'zh-CN' }));
    }
    expect(settled).toContain('说句结束语送走顾客');
    expect((await records.listSessions())[0]?.endedAt).toBeUndefined();
    clock.now += 60_000;
    expect(texts(await say('开始 wrong-change', { locale: 'zh-CN' }))).not.toContain('中途结束');
    const sessions = await records.listSessions();
    expect(sessions.find((x) => x.endedAt !== undefined)?.outcome).toBe('resolved');
  });

  it('takes "Start over" or "开始核对" in the middle of a session as a reply to the customer', async () => {
    const { say, clock } = setup();
    await say('start wrong-change');
    clock.now += 5000;
    const out = texts(await say('Start over, I will count the change with you'));
    expect(out).not.toContain('There is no scenario');
    expect(out).toContain('So what will you do?');
    clock.now += 5000;
    expect(texts(await say('开始核对'))).toContain('So what will you do?');
    clock.now += 5000;
    // The fake customer is satisfied after three replies.
    expect(texts(await say('start nope'))).toContain('Fine, thanks.');
    expect(texts(await say('start nope'))).toContain('There is no scenario "nope"');
  });

  it('records a dispute of a score-card tip with the stored finding, and refuses forged ones', async () => {
    const { say, clock, records } = setup();
    await say('start wrong-change');
    for (const reply of ['ok', 'You must calm down, that is our policy.', 'fine']) {
      clock.now += 5000;
      await say(reply);
    }
    const [sessionId = ''] = records.sessions.keys();
    const forged = texts(await say('', { value: { action: 'dispute', turn: 99, evaluator: '<script>', rule: 'x', text: 'x' } }));
    expect(forged).toContain('not in your session');
    expect(texts(await say('', { value: { action: 'dispute', turn: 1, evaluator: 'jargon', rule: 'made up', text: 'ok' } }))).toContain(
      'not in your session',
    );
    expect(
      texts(
        await say('', { value: { action: 'dispute', turn: 1, evaluator: 'empathy', rule: 'x', text: 'ok', sessionId: 'someone-elses' } }),
      ),
    ).toContain('not in your session');
    expect(records.disputes).toEqual([]);

    // What the score card's "tip is wrong" button sends, for the flagged words of turn 2.
    const [turn2] = (await records.sessionTurns(sessionId)).filter((t) => t.turn === 2);
    const flagged = turn2?.evaluation.findings.find((f) => f.polarity === 'bad' && f.evaluator === 'interrupting');
    expect(flagged).toBeDefined();
    const submit = {
      action: 'dispute',
      turn: 2,
      evaluator: 'interrupting',
      rule: flagged?.message,
      text: flagged?.text,
      sessionId,
      comment: 'I was polite',
    };
    expect(texts(await say('', { value: submit }))).toContain('objection is recorded');
    expect(records.disputes).toHaveLength(1);
    expect(records.disputes[0]).toMatchObject({
      sessionId,
      turn: 2,
      comment: 'I was polite',
      finding: { evaluator: 'interrupting', rule: flagged?.rule, span: flagged?.span, text: flagged?.text },
    });
  });

  it("when the storage fails during a turn, says it could not be saved in the trainee's language, and the session goes on", async () => {
    let failing = false;
    const storage = interceptWrites(new MemoryStorage(), async (_changes, next) => {
      if (failing) throw new Error('SQLITE_READONLY: attempt to write a readonly database');
      return next();
    });
    const { say, clock } = setup({ storage, mode: 'exam', defaultLocale: 'en' });
    // The client says en-US on every message; the trainee chose Chinese.
    const send = async (text: string) => {
      clock.now += 5000;
      return texts(await say(text));
    };
    await send('语言 中文');
    await send('开始 wrong-change');
    failing = true;
    expect(await send('非常抱歉')).toBe('抱歉，刚才这条没能保存。你的练习还在，请再发一次。');
    failing = false;
    expect(await send('非常抱歉')).toBe('Hmm.\nSo what will you do?');
  });

  it('clips a very long reply before scoring and says so', async () => {
    const { say, clock } = setup();
    await say('start wrong-change');
    clock.now += 5000;
    expect(texts(await say('sorry '.repeat(3000)))).toContain('first 100 characters');
  });
});
