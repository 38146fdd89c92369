// How the customer decides what a question asks (docs/scenarios.md, "Knowledge:
// questions answered in character"): a value of a fact named in the asking sentence is
// a guess at that fact, a value said elsewhere is not; chat without a question is small
// talk unless it also speaks of the case or does something.
import { describe, expect, it } from 'vitest';
import { analyseReply, type InputLocale } from '../evaluators/index.ts';
import { answerQuestion } from './knowledge.ts';
import { loadLibrary } from './load.ts';

const library = loadLibrary().scenarios;

/** The customer's reading of a reply: the fact it asks for, the kind of answer, or none. */
function reading(scenario: string, locale: InputLocale, reply: string): string {
  const answer = answerQuestion(library.get(scenario)!, analyseReply(reply, locale));
  return answer ? (answer.fact ? `fact:${answer.fact.id}` : answer.kind) : 'no question';
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
    ['angry-contractor', 'en', 'Chen went home, did he?', 'fact:owner-went-home'],
    ['angry-contractor', 'en', 'Were you in Chennai?', 'irrelevant'],
  ] as const)('%s %s: a value of a fact guessed in the question asks for that fact — "%s"', (scenario, locale, reply, want) => {
    expect(reading(scenario, locale, reply)).toBe(want);
  });

  it.each([
    ['angry-contractor', 'en', 'Hongda, right. When are you moving the rubbish?', 'fact:rubbish'],
    ['angry-contractor', 'zh-CN', '宏达的活我知道。垃圾什么时候清？', 'fact:rubbish'],
    ['angry-contractor', 'en', 'I know the Hongda lads. Is anyone at home?', 'irrelevant'],
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
    ['zh-CN', '今天天气真好，我来帮您。', 'no question'],
    // Chat denied is no chat.
    ['en', 'It is not lovely weather today.', 'no question'],
    ['en', 'Never mind the weather.', 'no question'],
  ] as const)('wrong-change %s: small talk without a question — "%s"', (locale, reply, want) => {
    expect(reading('wrong-change', locale, reply)).toBe(want);
  });
});
