import type { Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding, type Match } from '../engine/match.ts';
import { clauseAfter, clauseBefore, negatedBefore, type PreparedReply } from '../engine/prepare.ts';
import { analysePrepared } from '../analysis/analyse.ts';
import { playedBackAt } from '../analysis/listening.ts';

/** Sending the customer elsewhere with no action of one's own ("您去找物业经理吧"). */
const DEFLECTION = {
  'zh-CN': /(?:您|你)(?:自己|可以|得|就)?(?:去|到|找|打给|打电话给|联系)(?![^,，。！？!?]{0,10}?(?:设置|设定|后台))|去找|自己去/,
  en: /\byou(?:'ll)? (?:need to|have to|should|can|could|must) (?:(?:come back|go back) and )?(?:go|call|contact|visit|ask|speak|come back)|^\s*(?:please\s+)?(?:contact|call|ring|phone|ask|speak to|go to|visit|check with)\s+(?:the|your)\b/i,
};
/** A negation inside the act (不能退, not 特别加急); 能不能 / 可不可以 ask whether it can be done (问问能不能给您加号). */
const NEGATED_ACTION = {
  'zh-CN': /(?<!能)不能|(?<!可)不可以|没法|没办法|无法|不给|不会|不用|不行|(?<![特分区个级类告])别|不了|不负责|不归|不管/,
  en: /\b(?:can't|cannot|won't|not)\b/i,
};
/** Belief, not action: "我100%确定明天就能恢复". */
const COGNITION = {
  'zh-CN': /确定|觉得|认为|相信|估计|知道|理解|明白|希望|想问|想了解|想确认|请问/,
  en: /\b(?:think|believe|hope|know|understand|sure)\b/i,
};
/** A procedure or a description, not an act: "要先检测才能换", "每天都有人检查", "我们只负责派单", "同意您把…". */
const NOT_AN_ACT = {
  'zh-CN': /(?:要|得|需要|必须|才能|同意|允许|让|符合|按照|依照)$/,
  en: /\b(?:must|have to|need to|before|until|unless)\s*$/i,
};
/**
 * A routine described ("我们每间都有检查", "我们都有两个人核对", "我们收银台天天对账", "我们收银台每晚都对账", "我们出库前件件都检查过",
 * "我们每天开门前都把机关过一遍") or a document quoted ("我们合同里写的是“协助办理”"), not a step taken for this
 * customer; a routine promised to the customer ("我每天给您打个电话") is still one.
 */
const DESCRIBED = {
  'zh-CN':
    /有人|只负责|只管|都是|都有|写的是|写着|写明|每(?:间|个|天|晚|早|日|次|位|年|月|周|台|单|批)都|(?:天天|平时|平常|向来|一向)(?![给帮跟为替]您)|(?:件件|个个|样样|台台|次次|回回)都|每(?:天|次|场|晚|早)(?:开门|营业|上班|开场|开工|出车|出库|发货|关门|下班)/,
  en: /\b(?:someone|only handles?)\b/i,
};
/**
 * A record claimed, not a step taken: "我修了二十年车从来没装歪过", "我们柜台从来没拿错过" say what never happened, in the
 * clause that holds the verb.
 */
const RECORD = { 'zh-CN': /从来没|从来不|从没|从未|向来没/, en: /$^/ };

/** The routine said right after the verb ("我们补色都有上一层保护漆", "我们退款都是原路退回"): how it is always done, not a step. */
const ROUTINE_AFTER = { 'zh-CN': /^[\p{Script=Han}]{0,2}都(?:有|是|会|要)/u, en: /$^/ };
/** 自我 is "self" (自我修复, 自我检测): its 我 is no one taking a step. */
const SELF_BEFORE = { 'zh-CN': /自$/, en: /$^/ };

/**
 * A house rule or a contract's scope given as the answer, not a step: "我们疗程卡是不退不换的", "我们合约只有修剪" name the
 * verb in the clause that refuses it; an act in the next clause ("…只有保洁,不过这次我帮您清走") is still one.
 */
const HOUSE_RULE = { 'zh-CN': /(?:是|都|概)不退不换|(?:合同|合约|协议)(?:里|上)?只(?:有|包|管|含)/, en: /$^/ };

/**
 * A check already made, told with what it found and nothing more ("I've checked your record and the pension age is 66",
 * "我查了一下,您是四月三号才报名的"): an account of the facts, not a step towards the customer's problem. Beside another
 * step ("I've checked and there's no payment yet; I'll trace it") it is part of the handling.
 */
const REPORTED_CHECK = {
  'zh-CN': /^(?:我|我们)(?:这边|刚才|刚刚|已经)?(?:查|核对|核实|看)(?:了|过)/,
  en: /^(?:i|we)(?:'ve| have)?\s+(?:just |already )?(?:checked|looked)\b(?! (?:into|at it|at this|at that))/i,
};
const CLAUSE_MARK = /[,，、;；:：.。!！?？]/;
function reportedCheck(reply: PreparedReply, m: Match): boolean {
  // The match is the check itself, not a step it runs on into ("我查过了,话费我给您全免了").
  return (
    m.entry.rule === 'concrete-action' &&
    !CLAUSE_MARK.test(m.text) &&
    REPORTED_CHECK[reply.locale].test(m.text + reply.text.slice(m.end, m.end + 2))
  );
}

/** Whether the clause that holds the match says `words` (a record claimed, a house rule). */
function clauseSays(reply: PreparedReply, m: Match, words: Record<PreparedReply['locale'], RegExp>): boolean {
  return words[reply.locale].test(clauseBefore(reply.text, m.start) + m.text + clauseAfter(reply.text, m.end));
}

/** A guarantee dressed as an act ("我拿工作担保") or an act the words deny ("查不到", "拿不回"). */
/** "我保证这次修好" pledges an outcome; "我保证替您看好", "我保证半小时内给您恢复" still name the trainee's own act. */
const PLEDGE_START = { 'zh-CN': /^(?:我|我们)(?:保证|担保|发誓)(?![^,，。！？!?]{0,8}(?:(?:替|给|帮)(?:您|你)|把))/, en: /^$/ };
const NOT_ACTION = { 'zh-CN': /担保|保证|发誓|打包票|拍胸脯/, en: /\b(?:guarantee|promise|swear)\b/i };
const DENIED_AFTER = { 'zh-CN': /^不[到了回出动着起来]|^过(?:的|了|啊)/, en: /^n't\b/ };
const OFFER_RULES = new Set(['facts-rule-out', 'beyond-authority']);
/** A certain outcome the trainee pledges to bring about ("明天肯定给你修好") is an over-promise and also an action. */
const OWN_OUTCOME = { 'zh-CN': /给您|给你|帮您|帮你|为您|替您|让领导|让师傅|让经理/, en: /\b(?:i|we)(?:'ll| will)\b/i };
/**
 * Money back promised as certain ("钱十分钟就进您的账户", "you'll get every cent back") is still a
 * remedy offered; a forecast ("明天一定到账", "今天肯定送到") is not.
 */
const REMEDY = {
  'zh-CN': /退(?:给|还|回|款|费)|赔(?:给|偿|付)|补偿|(?:到|进|回到)(?:您|你)(?:的)?(?:账上|账户|卡上|卡里|户头)/,
  en: /\b(?:refund|money back|cent back|penny back|reimburs|compensat|(?:fare|cost|price|fee|deposit) back)/i,
};
/** The sentence around a match: a remedy named in one clause ("全额赔偿肯定给您") is pledged in the next ("我保证一分不少"). */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start);
  const from =
    Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？'), before.search(/[.!?](?=\s[^.!?]*$)/)) + 1;
  const rest = text.slice(end).search(/[。！？!?]|\.(?:\s|$)/);
  return text.slice(from, rest < 0 ? text.length : end + rest);
}
const OWN = { 'zh-CN': /我|咱们|帮您|给您|为您|替您/, en: /\b(?:i|we|let me|let's|i'll|we'll)\b/i };

/** An ultimatum, a rule thrown at the customer or the police called on them: "Change your number or don't", "规定就是规定", "我马上报警". */
const DISMISSIVE = {
  'zh-CN':
    /你敢|有本事|报警|叫警察|找警察|规定就是规定|概不退换|爱(?:办|买|换|修|退|要|信)不(?:办|买|换|修|退|要|信)|不服(?:你|您)?(?:就)?去|随便你/,
  en: /\btry me\b|\bi dare you\b|\bor (?:i'll|i will) (?:end|hang up|terminate|cut|call security)\b|\b(?:call|calling|ring|phone|get) the (?:police|cops)\b|\bor (?:don't|do not|not)\b|\btake it or leave it\b|\b(?:those|these|them)(?:'s| are) the rules\b|\brules are rules\b|\blike it or (?:not|lump it)\b/i,
};
/** Acts that are no step towards the customer's problem, whatever verbs they use: a refusal, a threat, an insult. */
const NOT_A_STEP = new Set(['refusal', 'threat', 'insult']);

/** The clause (and its sentence) holding a prepared-text offset refuse, threaten, insult or dismiss. */
function refusedOrThreatened(reply: PreparedReply, at: number): boolean {
  const analysis = analysePrepared(reply);
  const clause = analysis.clauses.find((c) => at >= c.start && at < c.end);
  if (clause?.acts.some((a) => NOT_A_STEP.has(a))) return true;
  const sentence = clause ? analysis.clauses.filter((c) => c.sentence === clause.sentence) : [];
  const text = sentence.length ? reply.text.slice(sentence[0]!.start, sentence[sentence.length - 1]!.end) : reply.text;
  return DISMISSIVE[reply.locale].test(text);
}

/** Words the trainee only asks about or plays back ("您是想办3G套餐是吧？", "So you'd like a refund, is that right?") are listening, not a step. */
function heardOnly(reply: PreparedReply, at: number): boolean {
  return playedBackAt(analysePrepared(reply), at);
}

/**
 * "if that's no good I can rebook you": a negation inside an if-clause before the act is the
 * condition's, not the act's (the comma is often left out). English only: a Chinese condition holding a
 * negation (如果不能到场我帮您改期) is read as a refusal by the clause analysis whatever this says.
 */
const CONDITION_BEFORE = /\b(?:if|unless)\b[^,;.!?]*$/i;

function negatedAct(reply: PreparedReply, m: Match): boolean {
  if (!negatedBefore(reply, m.start)) return false;
  return !CONDITION_BEFORE.test(clauseBefore(reply.text, m.start));
}

function deflected(reply: PreparedReply, m: Match): boolean {
  const before = clauseBefore(reply.text, m.start) + m.text;
  return DEFLECTION[reply.locale].test(before) && !OWN[reply.locale].test(before);
}

export const problemSolving: Rule = {
  meta: {
    id: 'problemSolving',
    dimension: 'problemSolving',
    polarity: 'good',
    description: {
      'zh-CN': '解决问题:提出或承诺一个针对顾客问题的具体行动或替代方案。',
      en: "Problem solving: proposing or committing to a concrete action or alternative aimed at the customer's problem.",
    },
    messages: {
      'concrete-action': { 'zh-CN': '具体行动:"{words}"', en: 'Concrete action: "{words}"' },
      'follow-up': { 'zh-CN': '负责跟进:"{words}"', en: 'Follow-up: "{words}"' },
      alternative: { 'zh-CN': '替代方案:"{words}"', en: 'Alternative: "{words}"' },
      offer: { 'zh-CN': '提出了办法(能否做到另看承诺):"{words}"', en: 'An offer (feasibility is judged under promises): "{words}"' },
      'scenario-solution': { 'zh-CN': '本场景的解决办法:"{words}"', en: 'Scenario solution: "{words}"' },
      missing: { 'zh-CN': '没有提出任何具体的解决行动', en: 'No concrete step towards solving the problem' },
    },
  },
  check(reply: PreparedReply, context: ReplyContext): Finding[] {
    const acts = findMatches(reply, entriesFor(reply, 'problemSolving')).filter(
      (m) =>
        !negatedAct(reply, m) &&
        !NEGATED_ACTION[reply.locale].test(m.text) &&
        !COGNITION[reply.locale].test(m.text) &&
        !NOT_ACTION[reply.locale].test(clauseAfter(reply.text, m.end).slice(0, 4)) &&
        !DENIED_AFTER[reply.locale].test(reply.text.slice(m.end)) &&
        !NOT_AN_ACT[reply.locale].test(clauseBefore(reply.text, m.start)) &&
        !DESCRIBED[reply.locale].test(m.text) &&
        !ROUTINE_AFTER[reply.locale].test(reply.text.slice(m.end)) &&
        !(m.text.startsWith('我') && SELF_BEFORE[reply.locale].test(reply.text.slice(0, m.start))) &&
        !clauseSays(reply, m, RECORD) &&
        !clauseSays(reply, m, HOUSE_RULE) &&
        !PLEDGE_START[reply.locale].test(m.text) &&
        !deflected(reply, m) &&
        !refusedOrThreatened(reply, m.start) &&
        !heardOnly(reply, m.start),
    );
    const findings = acts.map((m) => toFinding(reply, m, 'problemSolving', 'good'));
    // An offer the facts or the trainee's authority rule out is still an offer to solve the problem:
    // feasibility is the promises flag's business.
    for (const m of findMatches(reply, entriesFor(reply, 'promises'))) {
      const remedy = REMEDY[reply.locale].test(sentenceAround(reply.text, m.start, m.end));
      const offer =
        OFFER_RULES.has(m.entry.rule) ||
        ((m.entry.rule === 'certain-outcome' || m.entry.rule === 'unrealistic-deadline') &&
          (OWN_OUTCOME[reply.locale].test(m.text) || remedy)) ||
        (m.entry.rule === 'absolute-guarantee' && remedy);
      if (
        !offer ||
        negatedBefore(reply, m.start) ||
        NEGATED_ACTION[reply.locale].test(m.text) ||
        refusedOrThreatened(reply, m.start) ||
        heardOnly(reply, m.start)
      )
        continue;
      if (findings.some((f) => f.span[0] < reply.toOriginal(m.end) && f.span[1] > reply.toOriginal(m.start))) continue;
      const note =
        reply.locale === 'en'
          ? 'An offer to solve the problem; whether it can be kept is judged under promises.'
          : '提出了解决办法;能不能做到,另在"承诺"一项评判。';
      findings.push(toFinding(reply, { ...m, entry: { rule: 'offer', note, suggestion: m.entry.suggestion } }, 'problemSolving', 'good'));
    }
    for (const term of context.scenario?.solutionTerms?.[reply.locale] ?? []) {
      const at = reply.locale === 'en' ? reply.text.toLowerCase().indexOf(term.toLowerCase()) : reply.text.indexOf(term);
      if (at < 0 || findings.some((f) => f.span[0] <= reply.toOriginal(at) && f.span[1] > reply.toOriginal(at))) continue;
      // A scenario's solution word counts only as the trainee's own step, not as advice or a rule ("钱要当面点清").
      if (
        negatedBefore(reply, at) ||
        !OWN[reply.locale].test(clauseBefore(reply.text, at) + term) ||
        refusedOrThreatened(reply, at) ||
        heardOnly(reply, at)
      )
        continue;
      const entry = {
        rule: 'scenario-solution',
        note: reply.locale === 'en' ? 'A step that solves this scenario’s problem.' : '这是解决本场景问题的办法。',
        suggestion: reply.locale === 'en' ? 'Say when you will do it.' : '说清楚什么时候做。',
      };
      findings.push(toFinding(reply, { start: at, end: at + term.length, entry }, 'problemSolving', 'good'));
    }
    if (findings.length === acts.length && acts.every((m) => reportedCheck(reply, m))) return [];
    return findings;
  },
};
