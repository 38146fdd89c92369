// How the customer decides what a question asks (docs/scenarios.md, "Knowledge:
// questions answered in character"): a value of a fact named in the asking sentence is
// a guess at that fact, a value said elsewhere is not; chat without a question is small
// talk unless it also speaks of the case or does something.
import { describe, expect, it } from 'vitest';
import { analyseReply, type InputLocale } from '../evaluators/index.ts';
import { alsoAsked, answerQuestion } from './knowledge.ts';
import { loadLibrary } from './load.ts';
import type { Fact, Scenario } from './model.ts';

const library = loadLibrary().scenarios;

/** The customer's reading of a reply: the fact it asks for, the kind of answer, or none. */
function readingIn(scenario: Scenario, locale: InputLocale, reply: string): string {
  const answer = answerQuestion(scenario, analyseReply(reply, locale));
  return answer ? (answer.fact ? `fact:${answer.fact.id}` : answer.kind) : 'no question';
}
const reading = (scenario: string, locale: InputLocale, reply: string) => readingIn(library.get(scenario)!, locale, reply);

/** Every fact a reply asks for and the customer answers, in one turn (the first answer and the one also asked). */
function facts(scenario: string, locale: InputLocale, reply: string): string[] {
  const analysis = analyseReply(reply, locale);
  const first = answerQuestion(library.get(scenario)!, analysis);
  const also = first && alsoAsked(library.get(scenario)!, analysis, first);
  return [first, also].flatMap((a) => (a?.fact ? [a.fact.id] : [])).sort();
}

describe('what the customer takes a question to ask', () => {
  it.each([
    ['angry-contractor', 'en', 'Is it the Hongda lot?', 'fact:company'],
    ['angry-contractor', 'zh-CN', '是宏达的吗？', 'fact:company'],
    ['angry-contractor', 'en', 'Was that Mr Chen?', 'fact:owner-went-home'],
    ['3g-number-migration', 'en', 'You are in sales, right?', 'fact:job'],
    ['3g-number-migration', 'zh-CN', '您是做销售的吧？', 'fact:job'],
    // An English value is a word of its own, wherever it stands: at the very start, but not inside another word.
    ['angry-contractor', 'en', 'Hongda lot, is it?', 'fact:company'],
    ['3g-number-migration', 'en', 'Sales, are you?', 'fact:job'],
    ['angry-contractor', 'en', 'Chen went home, did he?', 'fact:owner-went-home'],
    ['angry-contractor', 'en', 'Were you in Chennai?', 'irrelevant'],
  ] as const)('%s %s: a value of a fact guessed in the question asks for that fact — "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  it.each([
    ['Mr Chen, Hongda?', 'fact:company'],
    ['Hongda, Mr Chen?', 'fact:owner-went-home'],
  ] as const)('angry-contractor en: of two values guessed, the one said last is what is asked — "%s"', (reply, want) => {
    expect(reading('angry-contractor', 'en', reply)).toBe(want);
  });

  it.each([
    ['angry-contractor', 'en', 'Hongda, right. When are you moving the rubbish?', 'fact:rubbish'],
    ['angry-contractor', 'zh-CN', '宏达的活我知道。垃圾什么时候清？', 'fact:rubbish'],
    ['angry-contractor', 'en', 'I know the Hongda lads. Is anyone at home?', 'irrelevant'],
    // Nor is one put before a dash in a sentence that does not ask.
    ['angry-contractor', 'en', 'Hongda - I know the lads. Is anyone at home?', 'irrelevant'],
    ['angry-contractor', 'zh-CN', '宏达——我认识你们老板。家里有人吗？', 'irrelevant'],
    ['3g-number-migration', 'en', 'Sales is hard work. How often do you travel?', 'fact:travels'],
  ] as const)('%s %s: a value said outside the asking sentence is no guess — "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  it.each([
    ['en', 'Lovely weather today.', 'irrelevant'],
    ['en', 'Good morning, lovely weather today.', 'irrelevant'],
    ['en', 'Thanks, lovely weather today.', 'irrelevant'],
    ['zh-CN', '您好，今天天气真好。', 'irrelevant'],
    // Chat beside the case or beside an offer of help is no small talk, and says nothing to answer.
    ['en', 'Lovely weather today, the receipt is here.', 'no question'],
    ['zh-CN', '今天天气不错，小票在这儿。', 'no question'],
    ['en', 'Lovely weather today. Let me help you.', 'no question'],
    // A clause that thanks and apologises does more than chat, whatever it thanks for.
    ['en', 'Thanks for waiting and sorry, lovely weather today.', 'no question'],
    ['zh-CN', '今天天气真好，我来帮您。', 'no question'],
    // Chat denied is no chat.
    ['en', 'It is not lovely weather today.', 'no question'],
    ['en', 'Never mind the weather.', 'no question'],
  ] as const)('wrong-change %s: small talk without a question — "%s"', (locale, reply, want) => {
    expect(reading('wrong-change', locale, reply)).toBe(want);
  });

  // A statement sentence is what a bare question after it asks about ("…so it's letting the clients know. How many?"),
  // not what a question with words of its own asks about.
  it.each([
    ['3g-number-migration', 'en', 'Right, the bill. Do you play golf at all, Mr Liu?', 'irrelevant'],
    ['3g-number-migration', 'zh-CN', '好的，账单的事。您平时打高尔夫吗？', 'irrelevant'],
    [
      '3g-number-migration',
      'en',
      'Right, the bill. How many other people do you reckon have asked us for this same thing this week?',
      'unknown',
    ],
  ] as const)('%s %s: a statement before a question of its own is not what it asks — "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  // Question words and other acts are no subject: asked about the customer's life, they ask nothing about the case.
  it.each([
    ['en', 'What subject did you teach, by the way?'],
    ['en', "How's retirement treating you, do you do much gardening?"],
    ['zh-CN', '您以前是教什么的呀？'],
  ] as const)('bill-repeat-caller %s: chat about the customer is small talk — "%s"', (locale, reply) => {
    expect(reading('bill-repeat-caller', locale, reply)).toBe('irrelevant');
  });
});

describe('a bare question after a statement asks about what the statement says', () => {
  it.each([
    ['en', 'So the line went dead this morning. What time was that?', 'fact:cut-off-when'],
    ['zh-CN', '您说今天早上就停机了。几点的事？', 'fact:cut-off-when'],
    ['en', 'You paid yesterday. What time was that?', 'fact:paid-yesterday'],
    ['zh-CN', '您什么时候交的费？', 'fact:paid-yesterday'],
  ] as const)('paid-still-cut-off %s: "%s"', (locale, reply, want) => {
    expect(reading('paid-still-cut-off', locale, reply)).toBe(want);
  });

  // Our own step said just before names what the bare question is about.
  it.each([
    ['angry-contractor', 'en', "I'll sort the rubbish out. How much is there?", 'fact:rubbish'],
    ['angry-contractor', 'zh-CN', '我来帮您处理垃圾。有多少？', 'fact:rubbish'],
    ['3g-number-migration', 'en', "I'll look at your bill. How much is it?", 'fact:monthly-bill'],
  ] as const)('%s %s, after our step: "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  // After a sentence that asks, "that" has nothing told to point at: the question asked is answered, and only it.
  it.each([
    ['en', 'Sorry, could I get your name? When did that happen?'],
    ['zh-CN', '不好意思，您贵姓？那是什么时候的事？'],
  ] as const)('paid-still-cut-off %s, after a question: "%s"', (locale, reply) => {
    expect(facts('paid-still-cut-off', locale, reply)).toEqual(['name']);
  });
});

describe('a question that plays back what the customer said', () => {
  it.each([
    ['en', "Oh, that's awful timing. It started on Monday, did it?"],
    ['en', "Did you have a nice weekend, Mrs Sun? Oh, that's awful timing. It started on Monday, did it?"],
  ] as const)('sms-not-received %s: is confirmed, chat or no chat before it — "%s"', (locale, reply) => {
    expect(reading('sms-not-received', locale, reply)).toBe('restated');
  });
});

describe('small talk, then a question about the case in a sentence of its own', () => {
  it.each([
    ['paid-still-cut-off', 'en', "What's the weather doing where you are? Raining here. Can I take your name please?", 'name'],
    ['wrong-change', 'en', 'Lovely day. Did you watch the match? Was it you who paid with a hundred?', 'paid-hundred'],
    // The chat need not be asked: one question about the case after it is answered all the same.
    ['3g-number-migration', 'en', 'Nice watch, great weather too. How much is your monthly bill?', 'monthly-bill'],
    ['3g-number-migration', 'zh-CN', '您这表真好看，天气也不错。您每个月话费多少？', 'monthly-bill'],
  ] as const)('%s %s: the chat is brushed aside and the case answered — "%s"', (scenario, locale, reply, fact) => {
    expect(reading(scenario, locale, reply)).toBe('irrelevant');
    expect(facts(scenario, locale, reply)).toEqual([fact]);
  });
});

describe('what is said beside a question in its sentence', () => {
  // Our step before the question names what it asks about; what follows it without asking does not.
  it.each([
    ['wrong-change', 'en', "I'll count the change, how much was it?", 'fact:paid-hundred'],
    ['wrong-change', 'zh-CN', '我帮您把零钱点一下，是多少？', 'fact:paid-hundred'],
    ['angry-contractor', 'en', "I'll sort out the rubbish, how much is there?", 'fact:rubbish'],
    ['angry-contractor', 'zh-CN', '垃圾我来帮您处理，有多少？', 'fact:rubbish'],
    // Two questions in one sentence: the one asked last is answered.
    ['3g-number-migration', 'en', 'How much is your monthly bill, and when did you get the number?', 'fact:number-years'],
  ] as const)('%s %s — "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  it.each([
    ['en', "Do you have the receipt? I'll count the change, how much was it?"],
    ['zh-CN', '您有小票吗？我帮您把零钱点一下，是多少？'],
  ] as const)('wrong-change %s: our step stays with the question of its own sentence, not the one before — "%s"', (locale, reply) => {
    expect(reading('wrong-change', locale, reply)).toBe('fact:paid-hundred');
    expect(facts('wrong-change', locale, reply)).toEqual(['has-receipt', 'paid-hundred']);
  });
});

describe('a reply that asks two things in two sentences', () => {
  it.each([
    [
      '3g-number-migration',
      'en',
      "OK, I'll look at the plans for you. What sort of plan have you got in mind, exactly? You're using a smartphone, aren't you?",
      ['phone-model', 'wants-plan'],
    ],
    [
      '3g-number-migration',
      'en',
      "Hundreds of clients, wow. What line of work are you in, if you don't mind me asking? I'm guessing you're on the road quite a bit — roughly how many days a month are you away?",
      ['job', 'travels'],
    ],
    ['3g-number-migration', 'zh-CN', '您的号码用了几年了？您平时经常出差吗？', ['number-years', 'travels']],
    [
      'angry-contractor',
      'en',
      "So you're the one running this crew, yeah? Just so I know who to talk to. And the rubbish you'd be leaving - what is it, offcuts, bags, that sort of thing?",
      ['in-charge', 'rubbish'],
    ],
    [
      'angry-contractor',
      'en',
      'Mr Zhang, which flat is it you lot are doing up? And the owner — is he still upstairs or has he gone?',
      ['flat', 'owner-went-home'],
    ],
    [
      'angry-contractor',
      'en',
      'Cheers Mr Zhang. How come the van turned up so late, was it the traffic? Fair enough. The owner — has he gone home already, and have you got a number for him?',
      ['owner-went-home', 'why-late'],
    ],
    ['angry-contractor', 'zh-CN', '辛苦了。车怎么这么晚才到？行。业主呢，回家了吗？', ['owner-went-home', 'why-late']],
    ['angry-contractor', 'zh-CN', '你们今晚来了几个人？好。垃圾里都是些什么？', ['rubbish', 'workers']],
    ['paid-still-cut-off', 'en', "Can I take your name please? Which number's been cut off? Read it out for me.", ['name', 'own-number']],
    [
      'sms-not-received',
      'en',
      "That phone, is it a new one or the same one you've always had? Has anything changed on your account lately? A new plan, anything like that?",
      ['plan-changed-friday', 'same-phone'],
    ],
  ] as const)('%s %s: both are answered — "%s"', (scenario, locale, reply, want) => {
    expect(facts(scenario, locale, reply)).toEqual(want);
  });
});

describe('what a fact is written with', () => {
  /** A copy of a library scenario with one fact changed, read as the customer reads a reply. */
  function readingOf(id: string, fact: string, change: (f: Fact) => void, locale: InputLocale, reply: string): string {
    const scenario = structuredClone(library.get(id)!);
    change(scenario.facts.find((f) => f.id === fact)!);
    return readingIn(scenario, locale, reply);
  }

  it('a question a fact asks within one clause is not matched across two clauses of a sentence', () => {
    const inClause = (f: Fact) => (f.asks = [{ all: ['bill', 'how-much'], within: 'clause' }]);
    expect(readingOf('3g-number-migration', 'monthly-bill', inClause, 'en', 'How much is your monthly bill?')).toBe('fact:monthly-bill');
    expect(readingOf('3g-number-migration', 'monthly-bill', inClause, 'en', 'How much is it, your monthly bill?')).not.toBe(
      'fact:monthly-bill',
    );
  });

  it('a Chinese value written in Latin capitals is found as the reply types it', () => {
    const bd = (f: Fact) => (f.values = { 'zh-CN': ['销售', 'BD'], en: ['sales'] });
    expect(readingOf('3g-number-migration', 'job', bd, 'zh-CN', '您是做BD的吧？')).toBe('fact:job');
  });

  it('a number that ends one answer and one that starts the next are two numbers', () => {
    const address = (f: Fact) =>
      (f.answers = [
        { en: ['I live at number 12'], 'zh-CN': ['我住对面12'] },
        { en: ['3 doors down from you.'], 'zh-CN': ['3楼，天天来'] },
      ]);
    expect(readingOf('wrong-change', 'regular', address, 'en', 'Number 12, was it?')).toBe('fact:regular');
    expect(readingOf('wrong-change', 'regular', address, 'zh-CN', '是12吗？')).toBe('fact:regular');
  });
});
