// Listening is read from the shared analysis of a reply: a fact question, playing back the
// customer's account, checking it was understood. A restatement is listening, never a step.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateReply } from '../index.ts';
import { replyListening } from './listening.ts';

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
