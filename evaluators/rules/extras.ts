// Language techniques from the manuals that feed the score card, not the five flags.
import type { EvaluatorId, Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding } from '../engine/match.ts';
import { negatedBefore, type PreparedReply } from '../engine/prepare.ts';

function lexiconCheck(id: EvaluatorId, polarityOf: (rule: string) => 'good' | 'bad') {
  return (reply: PreparedReply): Finding[] =>
    findMatches(reply, entriesFor(reply, id))
      .filter((m) => polarityOf(m.entry.rule) === 'bad' || !negatedBefore(reply, m.start))
      .map((m) => toFinding(reply, m, id, polarityOf(m.entry.rule)));
}

const HONORIFICS = ['先生', '女士', '小姐', '师傅', '老师', '总', '经理', '阿姨', '大哥', '大姐'];

export const addressing: Rule = {
  meta: {
    id: 'addressing',
    dimension: 'extra',
    polarity: 'good',
    description: { 'zh-CN': '知道顾客姓氏后,用姓氏尊称顾客。', en: 'Address the customer by surname once known.' },
    messages: { 'by-surname': { 'zh-CN': '用姓氏称呼顾客:"{words}"', en: 'Addressed by surname: "{words}"' } },
  },
  check(reply: PreparedReply, context: ReplyContext): Finding[] {
    const surname = context.customerSurname;
    if (!surname) return [];
    const patterns =
      reply.locale === 'en'
        ? [`Mr ${surname}`, `Mr. ${surname}`, `Ms ${surname}`, `Ms. ${surname}`, `Mrs ${surname}`, `Mrs. ${surname}`]
        : HONORIFICS.map((h) => `${surname}${h}`);
    const findings: Finding[] = [];
    for (const p of patterns) {
      const at = reply.text.indexOf(p);
      if (at >= 0) {
        const entry = {
          rule: 'by-surname',
          note: reply.locale === 'en' ? 'Using the surname shows respect.' : '用姓氏称呼,顾客感到被尊重。',
          suggestion: '',
        };
        findings.push(toFinding(reply, { start: at, end: at + p.length, entry }, 'addressing', 'good'));
        break;
      }
    }
    return findings;
  },
};

export const positiveWording: Rule = {
  meta: {
    id: 'positiveWording',
    dimension: 'extra',
    polarity: 'bad',
    description: { 'zh-CN': '用肯定型语言代替否定型语言。', en: 'Positive instead of negative wording.' },
    messages: { 'negative-wording': { 'zh-CN': '否定型说法:"{words}"', en: 'Negative wording: "{words}"' } },
  },
  check: lexiconCheck('positiveWording', () => 'bad'),
};

export const requestWording: Rule = {
  meta: {
    id: 'requestWording',
    dimension: 'extra',
    polarity: 'good',
    description: { 'zh-CN': '用请求型语言代替命令型语言。', en: 'Requests instead of commands.' },
    messages: {
      'command-wording': { 'zh-CN': '命令的口气:"{words}"', en: 'Command: "{words}"' },
      'request-wording': { 'zh-CN': '请求的口气:"{words}"', en: 'Request: "{words}"' },
    },
  },
  check: lexiconCheck('requestWording', (rule) => (rule === 'command-wording' ? 'bad' : 'good')),
};

export const provocative: Rule = {
  meta: {
    id: 'provocative',
    dimension: 'extra',
    polarity: 'bad',
    description: { 'zh-CN': '避免挑衅性的语言。', en: 'Avoid provocative language.' },
    messages: { provocative: { 'zh-CN': '挑衅性的话:"{words}"', en: 'Provocative: "{words}"' } },
  },
  check: lexiconCheck('provocative', () => 'bad'),
};
