// Language techniques from the manuals that feed the score card, not the five flags.
import type { EvaluatorId, Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding } from '../engine/match.ts';
import { negatedBefore, type PreparedReply } from '../engine/prepare.ts';
import { analysePrepared } from '../analysis/analyse.ts';
import { entryFlagsFault } from '../lexicon/fault-entries.ts';

function lexiconCheck(id: EvaluatorId) {
  const polarityOf = (rule: string) => (entryFlagsFault(id, rule) ? 'bad' : 'good');
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
  check: lexiconCheck('positiveWording'),
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
  check: lexiconCheck('requestWording'),
};

export const provocative: Rule = {
  meta: {
    id: 'provocative',
    dimension: 'extra',
    polarity: 'bad',
    description: { 'zh-CN': '避免挑衅性的语言。', en: 'Avoid provocative language.' },
    messages: {
      provocative: { 'zh-CN': '挑衅性的话:"{words}"', en: 'Provocative: "{words}"' },
      insult: { 'zh-CN': '辱骂或看不起顾客:"{words}"', en: 'Insult: "{words}"' },
      threat: { 'zh-CN': '威胁顾客:"{words}"', en: 'Threat: "{words}"' },
    },
  },
  check(reply: PreparedReply): Finding[] {
    const findings = lexiconCheck('provocative')(reply);
    // Insults and threats, as the shared analysis of the reply reads them, are flagged with the clause that carries them.
    for (const clause of analysePrepared(reply).clauses) {
      const act = clause.acts.find((a): a is 'insult' | 'threat' => a === 'insult' || a === 'threat');
      if (!act) continue;
      if (findings.some((f) => f.span[0] < reply.toOriginal(clause.end) && f.span[1] > reply.toOriginal(clause.start))) continue;
      const note = PROVOKING[act][reply.locale];
      findings.push(
        toFinding(
          reply,
          { start: clause.start, end: clause.end, entry: { rule: act, note: note.note, suggestion: note.suggestion } },
          'provocative',
          'bad',
        ),
      );
    }
    return findings;
  },
};

const PROVOKING = {
  insult: {
    'zh-CN': { note: '辱骂、看不起顾客的话,会把冲突闹大。', suggestion: '就事论事,先接住对方的情绪:"我明白您着急,我们看看怎么解决。"' },
    en: {
      note: 'An insult or a put-down turns a complaint into a fight.',
      suggestion: 'Stick to the facts: "I can see this is frustrating — let\'s look at what we can do."',
    },
  },
  threat: {
    'zh-CN': { note: '威胁顾客只会让对方更激动。', suggestion: '保持冷静,说明后果和能做的事:"您先松手,我们一起想办法。"' },
    en: {
      note: 'Threatening the customer only raises the temperature.',
      suggestion: 'Stay calm and say what can happen next: "Please let go, and let\'s sort this out together."',
    },
  },
} as const;
