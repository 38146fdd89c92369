// The engine on its own thread answers exactly as the engine in the bot's thread does (less the
// trace of what the customer understood, which the bot never reads), follows a
// reload of the scenarios, and a thread that is closed fails what was in flight, then starts again.
import { afterAll, describe, expect, it } from 'vitest';
import { loadEngine, type EnginePort } from './engine-port.ts';

const here = (await loadEngine()).engine!;
const threaded = (await loadEngine({ thread: true })).engine!;
afterAll(() => threaded.close?.());

const REPLIES = {
  'zh-CN': ['您别急，您当时付给我的是一百的吗？', '是我没点清楚，这五十块您拿好，给您添麻烦了。'],
  en: ['I am sorry about that. Did you pay with a hundred?', 'You are right, here are the fifty back, sorry for the trouble.'],
};

async function playThrough(engine: EnginePort, locale: 'zh-CN' | 'en') {
  const scenario = engine.scenarios.get('wrong-change')!;
  let { session } = engine.startSession(scenario, { locale, seed: 7, now: 0 });
  const turns = [];
  for (const [i, reply] of REPLIES[locale].entries()) {
    const r = await engine.replyToSession(scenario, session, reply, (i + 1) * 60_000);
    // What the customer understood is trace data: the thread leaves it out, and the rest must be the same.
    const { understanding, ...rest } = r;
    if (engine === here) expect(understanding).toBeDefined();
    else expect(understanding).toBeUndefined();
    turns.push(rest);
    session = r.session;
  }
  const card = await engine.scoreCard(scenario, session);
  const ended = await engine.endSession(scenario, session, 10 * 60_000, 'abandoned');
  return { turns, card, ended };
}

describe('the engine thread', () => {
  for (const locale of ['zh-CN', 'en'] as const)
    it(`answers a session exactly as the engine here does (${locale})`, async () => {
      const mine = await playThrough(here, locale);
      expect(mine.turns[0]!.output.lines.length).toBeGreaterThan(0);
      expect(await playThrough(threaded, locale)).toEqual(mine);
    });

  it('works from the reloaded scenarios, and refuses one it was never given', async () => {
    const original = threaded.scenarios.get('wrong-change')!;
    const renamed = { ...structuredClone(original), id: 'wrong-change-copy' };
    threaded.scenarios.set(renamed.id, renamed);
    const { session } = threaded.startSession(renamed, { locale: 'en', seed: 7, now: 0 });
    const reply = () => threaded.replyToSession(renamed, session, REPLIES.en[0]!, 60_000);
    await expect(reply()).rejects.toThrow(/no scenario "wrong-change-copy"/);
    threaded.scenariosChanged!();
    expect((await reply()).session.turns).toBe(1);
    threaded.scenarios.delete(renamed.id);
    threaded.scenariosChanged!();
    await expect(reply()).rejects.toThrow(/no scenario/);
  });

  it('reads the lexicons again when the bot does, and answers as before', async () => {
    const mine = await playThrough(here, 'en');
    threaded.rulesChanged!();
    expect(await playThrough(threaded, 'en')).toEqual(mine);
  });

  it('goes on with a session the thread no longer keeps, and with one the bot changed itself', async () => {
    const scenario = threaded.scenarios.get('wrong-change')!;
    const start = (seed: number) => threaded.startSession(scenario, { locale: 'en', seed, now: 0 }).session;
    const first = await threaded.replyToSession(scenario, start(7), REPLIES.en[0]!, 60_000);
    // More sessions than the thread keeps (1000): the first one's is gone from it.
    for (let i = 0; i < 1001; i++) await threaded.replyToSession(scenario, start(i), 'OK', 60_000);
    const mine = await here.replyToSession(scenario, first.session, REPLIES.en[1]!, 120_000);
    const { understanding: _u, ...expected } = mine;
    expect(await threaded.replyToSession(scenario, first.session, REPLIES.en[1]!, 120_000)).toEqual(expected);
    // A copy the bot made with a change of its own is sent whole, and its change counts.
    const changed = { ...first.session, speakingUntil: 0 };
    expect((await threaded.replyToSession(scenario, changed, REPLIES.en[1]!, 120_000)).session).toEqual(
      (await here.replyToSession(scenario, changed, REPLIES.en[1]!, 120_000)).session,
    );
  });

  it('fails the calls in flight when it is closed, and the next call starts a new thread', async () => {
    const scenario = threaded.scenarios.get('wrong-change')!;
    const { session } = threaded.startSession(scenario, { locale: 'en', seed: 7, now: 0 });
    const inFlight = expect(threaded.replyToSession(scenario, session, REPLIES.en[0]!, 60_000)).rejects.toThrow(/closed/);
    await threaded.close!();
    await inFlight;
    expect((await threaded.replyToSession(scenario, session, REPLIES.en[0]!, 60_000)).session.turns).toBe(1);
  });
});
