// Listening is read from the shared analysis of a reply: a fact question, playing back the
// customer's account, checking it was understood. A restatement is listening, never a step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateReply } from '../index.ts';
import { analyseReply } from './analyse.ts';
import { greetingOnly, onlyAsks, ownMoves, replyListening } from './listening.ts';

interface Case {
  locale: 'zh-CN' | 'en';
  customer: string;
  reply: string;
  question?: boolean;
  restate?: boolean;
  confirm?: boolean;
  step?: boolean;
}

const cases = parse(readFileSync(fileURLToPath(new URL('../../test/fixtures/listening/acts.yaml', import.meta.url)), 'utf8')) as Case[];

describe('listening read from the shared analysis', () => {
  it.each(cases.map((c) => [c.reply, c] as const))('%s', (_reply, c) => {
    const acts = replyListening(c.reply, c.customer, c.locale);
    expect(acts).toEqual({ question: !!c.question, restate: !!c.restate, confirm: !!c.confirm });
    const e = evaluateReply(c.reply, { locale: c.locale, customer: c.customer });
    expect(e.detected.problemSolving).toBe(!!c.step);
  });
});

describe('only asking', () => {
  const asksOnly = (text: string, locale: 'zh-CN' | 'en') => onlyAsks(analyseReply(text, locale));

  it('a greeting before the question still only asks; a refusal beside the greeting does not', () => {
    expect(asksOnly('您好，您付的是多少钱？', 'zh-CN')).toBe(true);
    expect(asksOnly('Hi, how much did you pay?', 'en')).toBe(true);
    expect(asksOnly('师傅不行，您付了多少？', 'zh-CN')).toBe(false);
    // What leads into a question is part of its sentence; a sentence of its own before it is said, not asked.
    expect(asksOnly('零钱的事我明白了。您付的是多少？', 'zh-CN')).toBe(false);
    expect(asksOnly('How much did you pay, the screen shows nothing', 'en')).toBe(false);
    expect(asksOnly('您付的是多少钱，系统里看不到记录', 'zh-CN')).toBe(false);
  });
});

describe('only greeting', () => {
  const greets = (text: string, locale: 'zh-CN' | 'en') => greetingOnly(analyseReply(text, locale));

  it('a greeting with an offer of help, thanks or a yes only greets; a word of the case or a figure, said or denied, does more', () => {
    expect(greets('您好，请问有什么可以帮您？', 'zh-CN')).toBe(true);
    expect(greets('Hi, how can I help?', 'en')).toBe(true);
    // Thanks, a bare yes and a plain word about oneself are greetings' company; an apology is not.
    expect(greets('您好，谢谢您', 'zh-CN')).toBe(true);
    expect(greets('Hi, yes.', 'en')).toBe(true);
    expect(greets('Hi, this is Sam.', 'en')).toBe(true);
    expect(greets('Hi sorry about that', 'en')).toBe(false);
    expect(greets('您好，不用换号码', 'zh-CN')).toBe(false);
    expect(greets('您好，是50吗？', 'zh-CN')).toBe(false);
    expect(greets('Hi, 50?', 'en')).toBe(false);
    expect(greets('Hi, no need to change your number.', 'en')).toBe(false);
  });
});

describe('what the trainee only asks is not a move of theirs', () => {
  const kept = (text: string, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    ownMoves(analyseReply(text, locale)).clauses.map((c) => c.concepts.map((h) => h.id));

  it('a question asking whether the customer knows how we do a thing keeps nothing of that thing', () => {
    expect(kept('您知道我们退钱之前得先走哪些手续吧？')).toEqual([[]]);
    expect(kept('您知道能不能打个电话就直接退掉吗？')).toEqual([[]]);
    // An offer asked as "do you know" is asked all the same; the offer said beside it stays.
    const [asked, offered] = kept('您知道能不能退掉吗？我现在就给您退订');
    expect(asked).toEqual([]);
    expect(offered).toContain('unsubscribe');
  });

  it('the same words said, not asked about, stay a move', () => {
    expect(kept('我现在就给您退订').flat()).toContain('unsubscribe');
    expect(kept('能不能打个电话就直接退掉').flat()).toContain('unsubscribe');
  });
});
