// What the customer knows and how a question is answered (docs/scenarios.md): a
// fact from the scenario's facts, "how would I know" about the case, impatience
// for small talk, a confirmation for a played-back account; a reply that only asks
// keeps the conversation where it is unless it resolves the case. Through
// scenarios/index.ts, on the library's wrong-change customer with two states.
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, sessionOutcome, startSession } from '../../scenarios/index.ts';
import type { Scenario, Transition } from '../../scenarios/index.ts';

const library = loadLibrary().scenarios;
const say = (en: string, zh = en) => ({ 'zh-CN': [zh], en: [en] });

function scenario(transitions: Transition[] = [], over: Partial<Scenario> = {}): Scenario {
  const base = structuredClone(library.get('wrong-change')!);
  return {
    ...base,
    ...over,
    id: 'knowledge',
    intents: base.intents.filter((i) => i.id === 'check' || i.id === 'acknowledge'),
    start: 'open',
    states: [
      { id: 'open', lines: [say('Wrong change!', '找错钱了！')], again: [say('Well?', '然后呢？')], transitions },
      { id: 'middle', lines: [say('Go on.', '你说。')], transitions: [{ to: 'end:resolved', intent: 'check' }] },
    ],
  };
}

function ask(reply: string, transitions: Transition[] = [], locale: 'en' | 'zh-CN' = 'en', over: Partial<Scenario> = {}) {
  const s = scenario(transitions, over);
  const { session } = startSession(s, { locale, seed: 1, now: 0 });
  const r = replyToSession(s, session, reply, 60_000);
  return {
    question: r.understanding?.question,
    said: r.output.lines.map((l) => `${l.kind}:${l.ref}`),
    anger: r.session.anger,
    state: (r.session as unknown as { state: string }).state,
    ended: sessionOutcome(r.session),
  };
}

describe('questions the customer can answer', () => {
  it('a question about a fact is answered from that fact, in either language, and changes nothing else', () => {
    expect(ask('How much did you pay me?')).toEqual({
      question: { kind: 'fact', fact: 'paid-hundred' },
      said: ['answer:paid-hundred'],
      anger: 60,
      state: 'open',
      ended: undefined,
    });
    expect(ask('您付了多少钱?', [], 'zh-CN').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
    expect(ask('When did this happen?').question).toEqual({ kind: 'fact', fact: 'just-now' });
    expect(ask('Who served you?').question).toEqual({ kind: 'fact', fact: 'who-served' });
  });

  it('of two facts asked about, the one the question names more precisely is answered, else the first listed', () => {
    expect(ask('How much did you pay and what did you buy?').question).toEqual({ kind: 'fact', fact: 'bought' });
    // Named as precisely (one word each): the fact the scenario lists first.
    expect(ask('Who served you, and when?').question).toEqual({ kind: 'fact', fact: 'just-now' });
  });

  it('a fact asked about with its amount outranks one asked about without', () => {
    const [paid] = structuredClone(library.get('wrong-change')!.facts);
    const facts = [
      { ...paid!, id: 'paid', asks: [{ any: ['pay'] }] },
      { ...paid!, id: 'paid-fifty', asks: [{ any: ['pay'], amount: 50 }] },
    ];
    expect(ask('Did you pay fifty?', [], 'en', { facts }).question).toEqual({ kind: 'fact', fact: 'paid-fifty' });
    expect(ask('Did you pay?', [], 'en', { facts }).question).toEqual({ kind: 'fact', fact: 'paid' });
  });

  it("a guess naming a fact's value asks about that fact, as much as a subject does", () => {
    const values = (over: Record<string, { 'zh-CN': string[]; en: string[] }>) => ({
      facts: library.get('wrong-change')!.facts.map((f) => ({ ...f, values: over[f.id] ?? {} })),
    });
    const eggs = values({ bought: { 'zh-CN': ['鸡蛋'], en: ['eggs'] } });
    expect(ask('It was the eggs, yeah?', [], 'en', eggs).question).toEqual({ kind: 'fact', fact: 'bought' });
    expect(ask('是雞蛋吧？', [], 'zh-CN', eggs).question).toEqual({ kind: 'fact', fact: 'bought' });
    // A trainer may write the value in traditional characters: it is compared simplified, as the reply is.
    const written = values({ bought: { 'zh-CN': ['蘋果'], en: ['apples'] } });
    expect(ask('是苹果吧？', [], 'zh-CN', written).question).toEqual({ kind: 'fact', fact: 'bought' });
    // Written as a trainer writes it (any case), and found at the very start of the reply.
    const capital = values({ bought: { 'zh-CN': ['鸡蛋'], en: ['Eggs'] } });
    expect(ask('Eggs, was it?', [], 'en', capital).question).toEqual({ kind: 'fact', fact: 'bought' });
    expect(ask('It was the EGGS, yeah?', [], 'en', capital).question).toEqual({ kind: 'fact', fact: 'bought' });
    // Named in a sentence that does not ask, it asks nothing: "when" asks when.
    expect(ask('The eggs are fine. When was this?', [], 'en', eggs).question).toEqual({ kind: 'fact', fact: 'just-now' });
    // Only as a word of its own in English, and only in a sentence that asks.
    expect(ask('Were those eggshells?', [], 'en', eggs).question?.fact).not.toBe('bought');
    expect(ask('I like eggs. Is that your receipt?', [], 'en', eggs).question?.fact).not.toBe('bought');
    // A value adds to a pattern's weight: named with "when", the eggs outrank the bare question word.
    expect(ask('When did you get the eggs?', [], 'en', eggs).question).toEqual({ kind: 'fact', fact: 'bought' });
    expect(ask('When did you get them?', [], 'en', eggs).question).toEqual({ kind: 'fact', fact: 'just-now' });
    // Of two facts named by value, the one named last is asked.
    const two = values({ bought: { 'zh-CN': ['鸡蛋'], en: ['eggs'] }, regular: { 'zh-CN': ['对面'], en: ['across the road'] } });
    expect(ask('You live across the road and buy eggs here, right?', [], 'en', two).question).toEqual({ kind: 'fact', fact: 'bought' });
    expect(ask('You buy eggs here and live across the road, right?', [], 'en', two).question).toEqual({ kind: 'fact', fact: 'regular' });
  });

  it('a number only one fact states, asked back, asks about that fact; one two facts state asks neither', () => {
    const none = { facts: library.get('wrong-change')!.facts.map((f) => ({ ...f, values: {} })) };
    expect(ask('And it came to forty-five?', [], 'en', none).question).toEqual({ kind: 'fact', fact: 'bought' });
    expect(ask('一共是四十五吧？', [], 'zh-CN', none).question).toEqual({ kind: 'fact', fact: 'bought' });
    // Five is the change she got and the minutes since: nobody's on its own.
    expect(ask('Five?', [], 'en', none).question?.kind).not.toBe('fact');
    // One is no figure: "one 100 note" is in her answers, "which one?" asks nothing of it.
    expect(ask('Which one?', [], 'en', none).question?.kind).not.toBe('fact');
  });

  it("the customer's own figures asked back are a play-back she confirms", () => {
    const s = scenario();
    s.states[0]!.lines = [say('I gave you 100 and got 5 back!', '我给了一百，你只找我五块！我都排了二十分钟队！')];
    const asked = (reply: string, locale: 'en' | 'zh-CN' = 'en') =>
      replyToSession(s, startSession(s, { locale, seed: 1, now: 0 }).session, reply, 60_000).understanding?.question;
    expect(asked('You got five?')).toEqual({ kind: 'restated' });
    expect(asked('排了二十分钟？', 'zh-CN')).toEqual({ kind: 'restated' });
    // A figure of hers that one fact states is answered from it.
    expect(asked('就五块？', 'zh-CN')).toEqual({ kind: 'fact', fact: 'change-short' });
    // A figure she did not say is no play-back, nor is one asked with a question word.
    expect(asked('You got seven?')?.kind).not.toBe('restated');
    expect(asked('How much did you get back, five?')?.kind).toBe('fact');
  });

  it('a question about the case the customer cannot know gets "how would I know", and costs no patience', () => {
    for (const reply of ['Do you know how much is in the till?', 'Is it the system?', 'What colour is the till?']) {
      const r = ask(reply);
      expect(r.question, reply).toEqual({ kind: 'unknown' });
      expect(r.said, reply).toEqual(['answer:unknown']);
      expect(r.anger, reply).toBe(60);
    }
  });

  it('a question about other customers gets "how would I know", wherever its sentence names them', () => {
    expect(ask('Did the lady before you pay with a fifty?').question).toEqual({ kind: 'unknown' });
    expect(ask('前面那位顾客给的是一百还是五十，您看见了吗？', [], 'zh-CN').question).toEqual({ kind: 'unknown' });
    // Her own payment, asked in a sentence of its own beside it, is answered too.
    expect(ask('How much did you pay me? Did the lady before you pay with a fifty?').question).toEqual({
      kind: 'unknown',
      also: 'paid-hundred',
    });
    // Named in a sentence that only tells, they leave the question after it alone.
    expect(ask('Other customers pay by card. How much did you pay me?').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
    expect(ask('别的顾客一般刷卡。您付了多少钱？', [], 'zh-CN').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
  });

  it('two facts asked in sentences of their own are both answered, in turn', () => {
    expect(ask('What did you buy? And what did you pay with?')).toMatchObject({
      question: { kind: 'fact', fact: 'paid-hundred', also: 'bought' },
      said: ['answer:paid-hundred', 'answer:bought'],
      state: 'open',
    });
    expect(ask('您买了些什么？付的是多少钱？', [], 'zh-CN').said).toEqual(['answer:paid-hundred', 'answer:bought']);
    // A courtesy before the question in the same sentence leaves its subject asked.
    expect(ask('Sorry, what did you buy? And what did you pay with?').said).toEqual(['answer:paid-hundred', 'answer:bought']);
    // The same fact asked twice is answered once; a bare follow-up ("And how often?") leans on the question before it.
    expect(ask("Sorry, I didn't catch your name. Who am I speaking to?").said).toEqual(['answer:name']);
    expect(ask('How much did you pay? And when?').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
    // Small talk beside a fact question is not answered twice over.
    expect(ask('What is the weather like? How much did you pay?').said).toHaveLength(1);
  });

  it('a question about what the customer did themselves is answered from what they know', () => {
    expect(ask('您自己付了多少钱？', [], 'zh-CN').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
    expect(ask('How much did you yourself pay me?').question).toEqual({ kind: 'fact', fact: 'paid-hundred' });
  });

  it('"do you know" in any of the questions asks what the customer cannot know, even beside a fact question', () => {
    expect(ask('Who served you? Do you know how much is in the till?').question).toEqual({ kind: 'unknown' });
  });

  it('small talk gets impatience and costs the default small-talk effect, even beside the case', () => {
    expect(ask('What is the weather like?')).toMatchObject({ question: { kind: 'irrelevant' }, said: ['answer:irrelevant'], anger: 63 });
    expect(ask('How was the football, was the till busy?').question).toEqual({ kind: 'irrelevant' });
  });

  it('a played-back account asked as a question is confirmed', () => {
    expect(ask('So you are saying you are upset?')).toMatchObject({ question: { kind: 'restated' }, said: ['answer:restated'], anger: 60 });
    expect(ask('So you are saying you are upset? Are you sure?').question).toEqual({ kind: 'restated' });
  });

  it('an account checked back with a tag typed without a question mark is confirmed as one typed with it', () => {
    for (const reply of ["It was a hundred you gave me isn't it", 'You paid with a hundred note yes or no'])
      expect(ask(reply).question, reply).toMatchObject({ kind: 'fact', fact: 'paid-hundred' });
  });

  it('a question that offers our own action is an offer, not a question', () => {
    const r = ask('Shall I count the till for you?');
    expect(r.question).toBeUndefined();
    expect(r.anger).toBeLessThan(60);
  });

  it('a tag asking consent to a proposal just made asks for no fact; alone, before the proposal or beside a subject it asks', () => {
    expect(ask('I can count the till again for you, how does that sound?').question).toBeUndefined();
    expect(ask('我给您再点一遍钱箱，好不好？', [], 'zh-CN').question).toBeUndefined();
    expect(ask('How does that sound?').question).toBeDefined();
    expect(ask('好不好，我给您再点一遍钱箱', [], 'zh-CN').question).toBeDefined();
    expect(ask('我给您再点一遍钱箱，小票能给我看一下好吗？', [], 'zh-CN').question).toMatchObject({ kind: 'fact', fact: 'has-receipt' });
    expect(ask('Sure, how does that sound?').question).toBeDefined();
    expect(ask('I can count the till again for you. How does that sound?').question).toBeUndefined();
    expect(ask("I'll count the till for you, ok?").question).toBeUndefined();
    expect(ask("I'll count the till for you, right?").question).toBeDefined();
  });

  it('a consent tag put negatively asks for agreement as much as one put plainly', () => {
    expect(ask("I can count the till again for you. Wouldn't that work for you?").question).toBeUndefined();
    expect(ask("I can count the till again for you, doesn't that sound good?").question).toBeUndefined();
    expect(ask('我给您再点一遍钱箱，不好吗？', [], 'zh-CN').question).toBeUndefined();
    expect(ask("Thanks. Wouldn't that work for you?").question).toBeDefined();
  });

  it('a tag asking to agree to an arrangement told as plain statements asks for no fact, unless what was told names one', () => {
    expect(ask('The supervisor says we can recount the drawer at closing time. Does that work for you?').question).toBeUndefined();
    expect(ask('值班经理说了，关门前一起再点一遍钱箱，您看这样行吗？', [], 'zh-CN').question).toBeUndefined();
    // A clause that thanks and tells something still tells it.
    expect(ask('谢谢您理解现在没法开钱箱，您看行吗？', [], 'zh-CN').question).toBeUndefined();
    expect(ask('You paid in cash, okay?').question).toMatchObject({ kind: 'fact', fact: 'paid-cash' });
    expect(ask('Thanks. Does that work for you?').question).toBeDefined();
  });

  it('"do you know" asks even inside a clause that also offers', () => {
    expect(ask('您知道咱们这个收银系统是哪家公司做的吗？', [], 'zh-CN').question).toEqual({ kind: 'unknown' });
  });

  it('an open question about what the customer wants asks, though it names our help; a yes-no one about our help offers', () => {
    expect(ask('您希望我们怎么帮您处理？', [], 'zh-CN').question).toEqual({ kind: 'fact', fact: 'wants-money-back' });
    expect(ask('阿姨，您想让我们怎么帮您解决？', [], 'zh-CN').question).toEqual({ kind: 'fact', fact: 'wants-money-back' });
    expect(ask('您希望我帮您再点一遍钱箱吗？', [], 'zh-CN').question).toBeUndefined();
    expect(ask('我帮您点一下钱箱，您看怎么样？', [], 'zh-CN').question).toBeUndefined();
  });
});

describe('a question beside an attack on the customer', () => {
  it('gets no answer on the way: the customer reacts to the attack', () => {
    const s = library.get('angry-contractor')!;
    const said = (reply: string) => {
      const r = replyToSession(s, startSession(s, { locale: 'zh-CN', seed: 3, now: 0 }).session, reply, 60_000);
      return { lines: r.output.lines.map((l) => `${l.kind}:${l.ref}`), state: (r.session as unknown as { state: string }).state };
    };
    const attack = said('规定就是规定，赶紧搬走！你们明天几点来？');
    expect(attack.state).toBe('grabbed');
    expect(attack.lines.some((l) => l.startsWith('answer:'))).toBe(false);
    // The same question beside sympathy is answered on the way.
    const kind = said('师傅，这么晚还在干，辛苦了。你们明天几点来？');
    expect(kind.lines).toContain('answer:move-tomorrow');
  });
});

describe('a reply that only asks', () => {
  const acknowledge: Transition[] = [{ to: 'middle', intent: 'acknowledge' }];

  it('is answered, and the conversation stays, even when it would also move the customer on', () => {
    expect(ask('So you gave me a hundred, is that right?', acknowledge)).toMatchObject({
      question: { kind: 'fact', fact: 'paid-hundred' },
      state: 'open',
    });
  });

  it('does not hold back the resolution itself', () => {
    expect(ask('So you gave me a hundred, is that right?', [{ to: 'end:resolved', intent: 'acknowledge' }]).ended).toBe('resolved');
  });

  it('a reply that also states something moves on, and its question is answered on the way', () => {
    const moved = { question: { kind: 'fact', fact: 'paid-hundred' }, said: ['answer:paid-hundred', 'state:middle'], state: 'middle' };
    expect(ask('I understand. How much did you pay?', acknowledge)).toMatchObject(moved);
    expect(ask('Sorry about that, how much did you pay?', acknowledge)).toMatchObject(moved);
  });

  it("a play-back of the customer's account before the question asks too, though the question itself shows help", () => {
    const helps: Transition[] = [{ to: 'middle', shows: ['problemSolving'] }];
    for (const [reply, locale] of [
      ['You bought rice, oil and eggs, forty-five in all, right? Can I check the receipt?', 'en'],
      ['您买的是米、油跟鸡蛋，一共四十五是吧？小票能借我看一下吗？', 'zh-CN'],
    ] as const)
      expect(ask(reply, helps, locale), reply).toMatchObject({ said: ['answer:bought', 'answer:has-receipt'], state: 'open' });
  });

  it('only a fact is answered on the way: not small talk, not at the end, not beside misbehaviour', () => {
    expect(ask('Sorry about that, how was the football?', acknowledge)).toMatchObject({ question: undefined, said: ['state:middle'] });
    expect(ask('Sorry about that, you paid a hundred.', acknowledge)).toMatchObject({ question: undefined, said: ['state:middle'] });
    const resolved = ask('Sorry about that, how much did you pay?', [{ to: 'end:resolved', intent: 'acknowledge' }]);
    expect(resolved.ended).toBe('resolved');
    expect(resolved.said).not.toContain('answer:paid-hundred');
    const rude = ask('Sorry about that, but calm down. How much did you pay?', acknowledge);
    expect(rude.said).not.toContain('answer:paid-hundred');
  });
});
