import type { Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding } from '../engine/match.ts';
import { negatedBefore, type PreparedReply } from '../engine/prepare.ts';

/** Sympathy words turned against the customer ("抱歉也没用", "没什么好抱歉", "我理解错了", "别急着说"). */
const DISMISSED = {
  'zh-CN': /没什么好(?:抱歉|道歉|对不起)|(?:抱歉|道歉|对不起)(?:也没用|有什么用)|理解错|别急着说/,
  en: /\b(?:not sorry|nothing to (?:be )?sorry|sorry doesn't)\b/i,
};

/**
 * "I understand the form has a second page", "I understand the box says …", 很遗憾您的表单漏勾了一项: understanding or
 * regretting a thing, not the customer's feeling.
 */
const ABOUT_A_THING = {
  'zh-CN':
    /^(?:很|非常)?遗憾(?:您|你)的(?:表|表格|表单|单子|资料|申请|报名表)|^(?:我)?(?:理解|明白)(?:的是|您的意思是|你的意思是)|^(?:我)?(?:理解|明白)(?:这个|这张|这份|那个|那张|那份)?(?:表|表格|单子|合同|协议|流程|规定|条款|步骤|意思)(?:是|要|有|的)/,
  en: /^i (?:understand|get|see) (?:that )?(?:the|this|your) (?:form|page|question|process|procedure|rules?|policy|system|document|application|steps?|terms|address|number|code|instructions?|request|screen|settings?|bill|invoice) (?:is|are|has|have|says|needs|asks|goes|shows|works|was|were|will)\b|^i (?:understand|get|see) (?:that )?(?:the|this|your|our) [a-z-]+ (?:says|said|states|stated|reads|shows|showed|lists|listed)\b/,
};

/**
 * Sympathy words used to mock or rebuke: the sentence opens with a sneer ("哟,您可真不容易", 呵呵,那真是辛苦您了,
 * 哎呀那可真是委屈您了, 哎唷,等这么久真的是辛苦你了喔,
 * a drawn-out 喔～, 喔,那真是抱歉喔, "Oh, poor you", 喔,造成您这么「不愉快的体验」… with the customer's words in quotes)
 * or the words scold the customer's feeling (您也太紧张了), or sorry is drawn out ("I'm soooo sorry"). 哎哟 before an apology
 * (哎哟,那真不好意思), a feeling granted (哎哟那确实难受, 哎哟,真的很难受) or in a sentence that goes on to apologise
 * (哎哟这么贵的鱼,太心疼了,真抱歉) is meant.
 */
const MOCKED = {
  'zh-CN':
    /^(?:哟|呦|哎[哟唷](?![,，]?(?:那|这)?(?:(?:真|实在|太)?(?:不好意思|对不起|抱歉)|确实|真的是?)|[^。！？!?]*?(?:不好意思|对不起|抱歉))|啧|呵呵)|^(?:哎呀|哎[哟唷]|哟|呦)?[,，]?那(?:您|你)?可真是|^(?:喔|哦|噢)[~～]|^(?:喔|哦|噢)[,，]?(?:那(?:您|你)?|您|你)(?:(?:可|还)真|真是)|^(?:喔|哦|噢)[,，][^。！？!?]*[「“"][^」”"]{1,16}[」”"]|(?:您|你)(?:也|未免)?太(?:紧张|敏感|激动|较真)$/,
  en: /^oh,? poor (?:you|thing)$|\bso{3,} sorry$|\byou(?:'re| are) (?:being )?(?:too|so|overly) (?:sensitive|dramatic)$/i,
};

/**
 * Sympathy named only to refuse in the same clause ("理解您的难处也改变不了规定", "I understand, but that
 * doesn't change the rules"), sorry for how the customer takes it, not for the trouble ("I'm sorry you feel that way"),
 * sorry that the customer failed to do something ("I'm so sorry you didn't read the booking email"), or sorry that the
 * thing is not up to the customer's standards (a sneer at the complaint).
 */
const REFUSED_AFTER = {
  'zh-CN': /^[^,，。！？!?]*也(?:改变不了|改不了|没用)|^(?:您|你)(?:会|要)?(?:这么|这样)(?:想|认为|觉得)/,
  en: /^[^.!?]*\b(?:doesn't|does not|won't|will not) change (?:the|anything|our)\b|^,?\s*(?:if |that )?you (?:feel|felt|see it|saw it|took it|take it) (?:that way|like that|this way)\b|^,?\s*(?:that )?you (?:didn't|did not|failed to|forgot to|never) (?:bother to )?(?:read|check|look at|see|notice|follow|listen to)\b|^[^.!?]{0,40}\b(?:isn't|aren't|wasn't|weren't|is not|are not|was not) (?:quite )?(?:up to (?:your|hotel|five-star|\w+) (?:standards?|expectations?)|good enough for you|to your (?:liking|taste))\b/i,
};

/** A sentence that is a sneer as a whole: "Oh dear, what a tragedy.", "boo-hoo", 您可真金贵. */
const SNEER = {
  'zh-CN': /(?:您|你)(?:可|还)真(?:金贵|娇气|娇贵|会挑)/,
  en: /^(?:oh,? )?(?:dear,? |wow,? |my,? )?what a (?:tragedy|catastrophe)\b|\b(?:my heart bleeds|boo[- ]?hoo|cry me a river)\b/i,
};

function turnedAgainst(reply: PreparedReply, start: number, end: number): boolean {
  const sentenceStart = reply.text.slice(0, start).search(/[^。！？!?.]*$/);
  const rest = reply.text.slice(end).search(/[。！？!?.]/);
  const sentence = reply.text.slice(sentenceStart, rest < 0 ? reply.text.length : end + rest).trim();
  return (
    MOCKED[reply.locale].test(reply.text.slice(sentenceStart, end).trim()) ||
    REFUSED_AFTER[reply.locale].test(reply.text.slice(end)) ||
    SNEER[reply.locale].test(sentence)
  );
}

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
      .filter((m) => !negatedBefore(reply, m.start) && !DISMISSED[reply.locale].test(reply.text.slice(Math.max(0, m.start - 5), m.end + 4)))
      .filter((m) => !ABOUT_A_THING[reply.locale].test(reply.text.slice(m.start, m.end + 40).toLowerCase()))
      .filter((m) => !turnedAgainst(reply, m.start, m.end))
      .map((m) => toFinding(reply, m, 'empathy', 'good'));
  },
};
