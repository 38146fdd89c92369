import type { Finding, ReplyContext } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding, type Match } from '../engine/match.ts';
import {
  clauseAfter,
  clauseBefore,
  containsAny,
  disclaimedAfter,
  isQuoted,
  negatedAfter,
  negatedBefore,
  type PreparedReply,
} from '../engine/prepare.ts';
import { analysePrepared } from '../analysis/analyse.ts';
import { playedBackAt } from '../analysis/listening.ts';

/** Inside a question, or a sentence that plays back the customer's wish (您想在现在的号上办是吗？): that is listening, not promising. */
function askedBack(reply: PreparedReply, start: number): boolean {
  const analysis = analysePrepared(reply);
  const clause = analysis.clauses.find((c) => start >= c.start && start < c.end);
  if (!clause) return false;
  return (clause.acts.includes('question') && !clause.acts.includes('offer')) || playedBackAt(analysis, start);
}

const NEGATED_INSIDE = { 'zh-CN': /不能|不可以|没法|没办法|无法|不行|办不了|不一定|未必/, en: /\b(?:can't|cannot|not|won't be able)\b/i };

/** A promise that is conditional ("if it is short") on something checked, about the trainee's own action. */
function conditionalOwnAction(reply: PreparedReply, start: number, end: number): boolean {
  const sentence = clauseBefore(reply.text, start, true);
  if (!containsAny(sentence, reply.words.conditionals, reply.locale)) return false;
  const rest = reply.text.slice(start, end + 10);
  return containsAny(rest, reply.words.ownActions, reply.locale);
}

/**
 * An outcome stated as already done ("肯定送到了", "it was definitely delivered") asserts a past
 * fact, often against the customer; it pledges nothing about the future.
 */
const ALREADY_DONE = {
  'zh-CN': { after: /^了(?![吗吧])/, future: /明天|今天|今晚|马上|立刻|之内|以内|之前|以后|下周|下次|待会|一会儿|会|能|就/ },
  en: { after: /^$/, future: /^$/ },
};

function alreadyDone(reply: PreparedReply, start: number, end: number): boolean {
  const rule = ALREADY_DONE[reply.locale];
  return rule.after.test(reply.text.slice(end)) && !rule.future.test(clauseBefore(reply.text, start) + reply.text.slice(start, end));
}

/**
 * A pledge that the trainee will get back to the customer ("I promise I'll call you back
 * at three", 我保证三点前给您回电话) is their own next step, not an outcome they do not control.
 */
const OWN_SUBJECT = { 'zh-CN': /^[\s,，]*(?:我|我们)?/, en: /^[\s,]*(?:that\s+)?(?:i|we)(?:'ll| will|'m going to| am going to)\s/i };

/** An outcome named in the same breath ("恢复然后给您回电") keeps the pledge an over-promise. */
const OUTCOME = {
  'zh-CN': /恢复|修好|到账|解决|批|办好|送到|好了|开通|退|赔|换|免/,
  en: /\b(?:fixed|back on|working|restored|sorted|approved|refunded|arrive|arrives|delivered|done|free|waived)\b/i,
};

/**
 * A remedy offered only if the fault turns out to be ours ("if it's something we did, we fix it at no cost",
 * 如果是我们装错了,材料费就免了) is the trainee's own conditional commitment, not a benefit beyond authority.
 */
const OUR_FAULT = {
  'zh-CN':
    /(?:如果|要是|假如|若|万一)(?:确实|真的|查实)?是(?:我们|咱们|店里|公司)[^,，。！？!?]{0,8}(?:问题|错|责任|失误|疏忽|弄坏|搞错|装错|弄错)|是我们[^,，。！？!?]{0,6}的问题就/,
  en: /\bif (?:it|that|this|the [a-z]+)(?:'s| is| was| turns out to be) (?:(?:something|anything) (?:we|our)\b|(?:our|the shop's|the garage's|the company's) (?:fault|mistake|error|doing)\b)|\bif we (?:caused|did|broke|damaged|got it wrong|made a mistake)\b/i,
};

/**
 * What a pledge word pledges: the rest of its clause, or the next clause when the pledge closes its own
 * ("我跟您保证,四点前给您回电", "I promise, I'll ring you at four").
 */
function pledgedClause(reply: PreparedReply, end: number): string {
  return /^[,，]/.test(reply.text.slice(end)) ? clauseAfter(reply.text, end + 1) : clauseAfter(reply.text, end);
}

function ownFollowUp(reply: PreparedReply, end: number): boolean {
  const rest = pledgedClause(reply, end);
  if (!OWN_SUBJECT[reply.locale].test(rest) || rest.length > (reply.locale === 'en' ? 100 : 24)) return false;
  if (OUTCOME[reply.locale].test(rest)) return false;
  return containsAny(rest, reply.words.followUps, reply.locale);
}

/**
 * A hedge before the promise, or inside it and not negated ("it usually works within a few minutes";
 * not "不可能再扣"), makes it an estimate.
 */
function hedged(reply: PreparedReply, start: number, end: number): boolean {
  if (containsAny(clauseBefore(reply.text, start), reply.words.hedges, reply.locale)) return true;
  const inside = reply.text.slice(start, end);
  return reply.words.hedges.some((h) => {
    const at = reply.locale === 'en' ? inside.toLowerCase().indexOf(h.toLowerCase()) : inside.indexOf(h);
    return at >= 0 && !negatedBefore(reply, start + at);
  });
}

/** The first words of what is pledged, short of a joining word: "I promise I'll do my best", not "…fixed today if you try again". */
const PLEDGED_WORDS = { 'zh-CN': /^[\s\S]{0,6}/, en: /^(?:\s*(?!(?:if|when|and|but|so|or|unless|once|because|as|until|then)\b)\S+){0,6}/i };

/**
 * A promise of effort, not of outcome: effort words in the match or in the first words of what it pledges
 * ("我保证尽力", "我们保证全力以赴", "I promise we'll do everything we can"). An outcome promised in a clause of its own
 * before them ("明天肯定修好,我尽力") is still promised.
 */
function effortOnly(reply: PreparedReply, m: Match): boolean {
  const rest = m.entry.rule === 'absolute-guarantee' ? pledgedClause(reply, m.end) : clauseAfter(reply.text, m.end);
  return containsAny(m.text + PLEDGED_WORDS[reply.locale].exec(rest)![0], reply.words.effort, reply.locale);
}

/** A scenario's `re:` patterns, compiled once: they run on every reply of that scenario. */
const compiled = new Map<string, RegExp>();
function scenarioRegex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) compiled.set(source, (re = new RegExp(source, 'giu')));
  return re;
}

export const promises: Rule = {
  meta: {
    id: 'promises',
    dimension: 'promises',
    polarity: 'bad',
    description: {
      'zh-CN': '过度承诺:保证自己控制不了的结果、不现实的时限、超出权限的好处,或场景事实不允许的承诺。',
      en: 'Over-promising: guaranteeing outcomes you do not control, unrealistic deadlines, benefits beyond your authority, or promises the facts rule out.',
    },
    messages: {
      'absolute-guarantee': { 'zh-CN': '绝对化的保证:"{words}"', en: 'Absolute guarantee: "{words}"' },
      'certain-outcome': { 'zh-CN': '保证了控制不了的结果:"{words}"', en: 'Outcome promised as certain: "{words}"' },
      'unrealistic-deadline': { 'zh-CN': '不现实的时限:"{words}"', en: 'Unrealistic deadline: "{words}"' },
      'beyond-authority': { 'zh-CN': '超出权限的承诺:"{words}"', en: 'Beyond your authority: "{words}"' },
      'facts-rule-out': { 'zh-CN': '场景事实不允许的承诺:"{words}"', en: 'A promise the facts rule out: "{words}"' },
    },
  },
  check(reply: PreparedReply, context: ReplyContext): Finding[] {
    const findings: Finding[] = [];
    for (const m of findMatches(reply, entriesFor(reply, 'promises'))) {
      if (negatedBefore(reply, m.start) || negatedAfter(reply, m.end) || disclaimedAfter(reply, m.end)) continue;
      // Playing back what the customer wants ("您是想在这个号上办3G，对吗？") promises nothing.
      if (playedBackAt(analysePrepared(reply), m.start)) continue;
      if (m.entry.rule === 'certain-outcome' && alreadyDone(reply, m.start, m.end)) continue;
      if (m.entry.rule === 'absolute-guarantee' && ownFollowUp(reply, m.end)) continue;
      if (NEGATED_INSIDE[reply.locale].test(m.text)) continue;
      if (m.entry.rule === 'beyond-authority' && OUR_FAULT[reply.locale].test(clauseBefore(reply.text, m.start, true))) continue;
      if (m.entry.rule !== 'facts-rule-out' && m.entry.rule !== 'beyond-authority') {
        if (hedged(reply, m.start, m.end) || effortOnly(reply, m) || conditionalOwnAction(reply, m.start, m.end)) continue;
      }
      findings.push(toFinding(reply, m, 'promises', 'bad'));
    }
    for (const forbidden of context.scenario?.forbiddenPromises ?? []) {
      // A bare yes (能 / 可以 / sure) to the customer's own yes/no question is the promise that question asks for.
      const yes = forbidden.id === context.yesMeans ? analysePrepared(reply).bareYes : undefined;
      if (yes) {
        // The clause of the yes, without the spaces after the filler before it ("Um, yes, sure.").
        const start = yes.start + yes.text.length - yes.text.trimStart().length;
        findings.push(
          toFinding(
            reply,
            {
              start,
              end: start + yes.text.trim().length,
              entry: { rule: 'facts-rule-out', note: forbidden.note[reply.locale], suggestion: forbidden.suggestion[reply.locale] },
            },
            'promises',
            'bad',
          ),
        );
        continue;
      }
      for (const pattern of forbidden.patterns[reply.locale] ?? []) {
        const regex = pattern.startsWith('re:') ? scenarioRegex(pattern.slice(3)) : undefined;
        const spans: [number, number][] = [];
        if (regex) for (const m of reply.text.matchAll(regex)) spans.push([m.index, m.index + m[0].length]);
        else
          for (let at = reply.text.indexOf(pattern); at >= 0; at = reply.text.indexOf(pattern, at + 1))
            spans.push([at, at + pattern.length]);
        for (const [start, end] of spans) {
          if (isQuoted(reply, start, end) || negatedBefore(reply, start) || disclaimedAfter(reply, end) || askedBack(reply, start))
            continue;
          if (findings.some((f) => f.span[0] <= reply.toOriginal(start) && f.span[1] >= reply.toOriginal(end))) continue;
          findings.push(
            toFinding(
              reply,
              {
                start,
                end,
                entry: { rule: 'facts-rule-out', note: forbidden.note[reply.locale], suggestion: forbidden.suggestion[reply.locale] },
              },
              'promises',
              'bad',
            ),
          );
        }
      }
    }
    return findings;
  },
};
