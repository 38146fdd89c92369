import type { Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding } from '../engine/match.ts';
import { negatedBefore, type PreparedReply } from '../engine/prepare.ts';

/** Sympathy words turned against the customer ("抱歉也没用", "没什么好抱歉", "我理解错了", "别急着说"). */
const DISMISSED = {
  'zh-CN': /没什么好(?:抱歉|道歉|对不起)|(?:抱歉|道歉|对不起)(?:也没用|有什么用)|理解错|别急着说/,
  en: /\b(?:not sorry|nothing to (?:be )?sorry|sorry doesn't|not (?:going to |gonna )?(?:say|saying) sorry|won't (?:say sorry|apologi[sz]e))\b/i,
};

/** "I understand" about a thing, not a feeling: "我理解这张表有两页", "I understand the form has a second page". */
const ABOUT_A_THING = {
  'zh-CN': /^(?:理解|明白|了解|知道)?(?:这|那)(?:张|份|页|个表|个单|个流程|条规定|个规定|个字段)/,
  en: /^\s+(?:that\s+)?(?:the|this|that)\s+(?:form|page|document|field|box|receipt|leaflet|letter|procedure|process|system|screen|app|website|menu|code|number)\b/i,
};
const UNDERSTANDING_WORDS = { 'zh-CN': /理解|明白|了解/, en: /\bunderstand\b/i };

export const empathy: Rule = {
  meta: {
    id: 'empathy',
    dimension: 'empathy',
    polarity: 'good',
    description: {
      'zh-CN': '同理心:对顾客的感受或处境表示理解、认同、安抚或道歉。',
      en: "Empathy: acknowledging the customer's feelings or situation, validating, reassuring or apologising.",
    },
    messages: {
      understanding: { 'zh-CN': '表示理解:"{words}"', en: 'Understanding: "{words}"' },
      validation: { 'zh-CN': '认同顾客:"{words}"', en: 'Validation: "{words}"' },
      reassurance: { 'zh-CN': '安抚顾客:"{words}"', en: 'Reassurance: "{words}"' },
      apology: { 'zh-CN': '致歉:"{words}"', en: 'Apology: "{words}"' },
      missing: { 'zh-CN': '顾客有情绪,回复里没有一句体谅的话', en: 'The customer was upset and the reply did not acknowledge it' },
    },
  },
  check(reply: PreparedReply, _context: ReplyContext): Finding[] {
    return findMatches(reply, entriesFor(reply, 'empathy'))
      .filter(
        (m) =>
          !negatedBefore(reply, m.start) &&
          !DISMISSED[reply.locale].test(reply.text.slice(Math.max(0, m.start - (reply.locale === 'en' ? 25 : 5)), m.end + 4)) &&
          !(UNDERSTANDING_WORDS[reply.locale].test(m.text) && ABOUT_A_THING[reply.locale].test(reply.text.slice(m.end, m.end + 40))),
      )
      .map((m) => toFinding(reply, m, 'empathy', 'good'));
  },
};
