import type { Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding } from '../engine/match.ts';
import { clauseAfter, clauseBefore, type PreparedReply } from '../engine/prepare.ts';

const DISOWNED = { 'zh-CN': /(?:不是|并不是|没)说$/, en: /\b(?:not saying|i'm not saying|didn't say|never said|not that)\s*$/i };

const CUT_IN = {
  'zh-CN': { note: '顾客还没说完,你的回复就发出去了。', suggestion: '等顾客把话说完,再回应;需要打断时先说"不好意思,打断您一下"。' },
  en: {
    note: 'You replied while the customer was still speaking.',
    suggestion: 'Let the customer finish; if you must cut in, ask first: "Sorry to interrupt—".',
  },
};

export const interrupting: Rule = {
  meta: {
    id: 'interrupting',
    dimension: 'interrupting',
    polarity: 'bad',
    description: {
      'zh-CN': '打断顾客:顾客没说完就回复,或用否定、不耐烦的话堵住顾客的嘴。',
      en: 'Cutting the customer off: replying mid-sentence, or shutting them down with denial or impatience.',
    },
    messages: {
      'cut-in': { 'zh-CN': '顾客还没说完就回复了', en: 'Replied while the customer was still speaking' },
      'flat-denial': { 'zh-CN': '直接否定顾客:"{words}"', en: 'Flat denial: "{words}"' },
      'blame-customer': { 'zh-CN': '把问题推给顾客:"{words}"', en: 'Blaming the customer: "{words}"' },
      'never-wrong': { 'zh-CN': '说自己从不出错:"{words}"', en: 'Claiming you never err: "{words}"' },
      'stop-talking': { 'zh-CN': '让顾客别说了:"{words}"', en: 'Telling the customer to stop: "{words}"' },
      impatience: { 'zh-CN': '不耐烦:"{words}"', en: 'Impatience: "{words}"' },
    },
  },
  check(reply: PreparedReply, context: ReplyContext): Finding[] {
    const findings: Finding[] = [];
    if (context.interrupted) {
      const first = clauseAfter(reply.text, 0);
      const end = first.length || Math.min(reply.text.length, 1);
      const note = CUT_IN[reply.locale];
      findings.push(toFinding(reply, { start: 0, end, entry: { rule: 'cut-in', ...note } }, 'interrupting', 'bad'));
    }
    for (const match of findMatches(reply, entriesFor(reply, 'interrupting'))) {
      // "我不是说您数错了", "I'm not saying that's impossible" disown the words instead of saying them.
      if (DISOWNED[reply.locale].test(clauseBefore(reply.text, match.start))) continue;
      findings.push(toFinding(reply, match, 'interrupting', 'bad'));
    }
    return findings;
  },
};
