// One analysis of a trainee reply, shared by the customer engine and the evaluators,
// so that understanding and scoring never disagree about what the trainee did:
// the reply split into clauses; per clause the concepts present (negated or not,
// attributed to the customer or not), the numbers said and the act.
import type { InputLocale, RuleLocale } from '../types.ts';
import { disclaimedAfter, isQuoted, negatedBefore, prepareReply, waivedAfter, type PreparedReply } from '../engine/prepare.ts';
import { conceptsFor } from './concepts.ts';
import { candidateConcepts } from './needle-index.ts';
import { findNumbers } from './numbers.ts';
import { isKeywordList } from './keyword-list.ts';
import { eachMatch } from '../text/matches.ts';

/** What a clause does. */
export const ACTS = [
  'insult',
  'threat',
  'offer',
  'restate',
  'question',
  'confirm',
  'refusal',
  'apology',
  'thanks',
  'affirm',
  'greeting',
  'statement',
] as const;
export type Act = (typeof ACTS)[number];

export interface ConceptHit {
  id: string;
  /** [start, end) in the prepared (simplified; lower-cased for English) text. */
  start: number;
  end: number;
  /** Undone by a negation just before it: 不用核对, no need to count. */
  negated: boolean;
  /** Attributed to the customer: 您自己核对, count it yourself. */
  byCustomer: boolean;
}

export interface Clause {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence (ended by 。！？ . ! ?) the clause belongs to. */
  sentence: number;
  /** The act that counts most (first in ACTS order). */
  act: Act;
  /** Every act the clause carries (a question can also be an offer: shall we phone the owner?). */
  acts: Act[];
  concepts: ConceptHit[];
  numbers: number[];
}

export interface ReplyAnalysis {
  locale: RuleLocale;
  /** The prepared text the offsets refer to. */
  text: string;
  clauses: Clause[];
  /** Every act in the reply. */
  acts: Act[];
  /** The clause that opens the reply, past fillers, with a bare yes (能 / 可以 / sure) and no refusal or "but" after it; undefined when there is none. */
  bareYes: Clause | undefined;
  /** Nothing but bare keywords ("Receipt, till, count, refund."): names things, says nothing to the customer. */
  keywordList: boolean;
}

// A dash between two thoughts ends a clause ("I've switched it on — did it arrive?"); a hyphen or an en dash
// inside a word or a range (top-up, 2–4 pm) does not. "and I'll / and we will" starts a clause of its own, so a
// request put before it ("Tell me where you paid and I'll look it up") is still a request. Chinese typed in a
// chat window often breaks two clauses with a space instead of a comma (我这就给您查 停机的是哪个号码): a space
// between two Chinese characters ends a clause; one beside a digit or a Latin word (3G 套餐, 138 1672) does not.
// A trailing-off "…" before a question mark ("and the number is…?", 「号码是…？」) is part of the question's mark.
const CLAUSE_MARK =
  /[…⋯]+\s*[?？]+|[,，。！？!?;；…\n:：]|—+|\s[–-]\s|\.(?=\s|$)|\s(?:but|and then|so)\s|\s(?=and (?:i|we)(?:['’]ll| will| can| shall) )|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;
const SENTENCE_MARK = /[。！？!?；;\n]|\.(?=\s|$)/u;
const QUESTION_MARK = /[?？]/;
/** A Chinese sentence asked without a question mark: 吗 at its end (呢 alone states: 有事随时找我呢). */
const CLOSING_PARTICLE = /(?:吗|么|嘛)[\s~～]*$/u;
/** Longest clause still read as a polite opener ("sorry", "不好意思") when a question follows. */
const POLITE_MAX = { 'zh-CN': 5, en: 12 } as const;
/** The second half of an either-or question ("…, or a new one?", "…，还是现金？"). */
const EITHER_OR = { 'zh-CN': /^\s*还是/u, en: /^\s*or\b/iu } as const;
/** Concepts that carry their own polarity: a refusal, an insult or a threat is not undone by a "not" before it. */
const UNNEGATED = new Set(['refusal', 'threat', 'blame', 'dismiss', 'question', 'offer', 'we', 'customer-does']);
/** Pledges that a disclaimer later in the sentence takes back (今天一定修好，这个我不敢打包票). */
const DISCLAIMABLE = new Set(['over-promise']);
/**
 * A statement with these is no play-back of the customer's account, even before a tag: the trainee's own doing
 * (money handed back: 这五十块退给您，您看看对不对), a reproach, soothing, chat.
 */
const NOT_AN_ACCOUNT = ['we', 'hand-back', 'customer-does', 'blame', 'dismiss', 'smalltalk', 'calm-down', 'understand'];
/** The words of a bare "do you know?" tag that softens the question before it (a locale's `soft-tag`). */
const KNOW_TAG = new Set(['soft-tag', 'ask-know', 'question']);
const FILLER = { 'zh-CN': /^[\s嗯啊哦噢呃唉哎好的对是]*$/u, en: /^[\s]*(?:oh|um|uh|er|well|ok|okay|right)?[\s]*$/iu };

/** What may follow a closing tag before the clause's mark: a particle (是吧啊, 对吧哈). */
const AFTER_TAG = /^[\s啊呀哈嘛呢~～]*$/u;

/**
 * 「今天周三是吧，您放心，明天一早就拉走」 / "It's Wednesday isn't it, don't worry…": a tag that asks to confirm closes
 * its clause as a question, typed with a question mark or not, and ends the question at the mark after it (a comma,
 * a dash, a space typed for a comma); what follows is said, not asked.
 */
function closesOnTag(concepts: readonly ConceptHit[], text: string, end: number): boolean {
  return concepts.some((h) => h.id === 'confirm-tag' && !h.negated && AFTER_TAG.test(text.slice(h.end, end)));
}

function clauseSpans(text: string): { start: number; end: number; mark: string }[] {
  const spans: { start: number; end: number; mark: string }[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_MARK)) {
    spans.push({ start, end: m.index, mark: m[0] });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length, mark: '' });
  return spans.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}

function actsOf(has: (id: string) => boolean, question: boolean): Act[] {
  const acts: Act[] = [];
  if (has('insult')) acts.push('insult');
  if (has('threat')) acts.push('threat');
  if (has('offer')) acts.push('offer');
  // A play-back confirms what the customer said; an open question ("您想办什么业务？") asks for something new.
  if (question && has('restate') && (!has('open-question') || has('confirm-tag'))) acts.push('restate');
  if (question) acts.push('question');
  if (question && has('confirm-tag')) acts.push('confirm');
  if (has('refusal')) acts.push('refusal');
  if (has('apology')) acts.push('apology');
  if (has('thanks')) acts.push('thanks');
  if (has('affirm')) acts.push('affirm');
  if (has('greeting')) acts.push('greeting');
  if (acts.length === 0) acts.push('statement');
  return acts;
}

/** The analysis of a prepared reply; computed once per reply and kept on it. */
export function analysePrepared(reply: PreparedReply): ReplyAnalysis {
  const cached = reply.scratch.analysis;
  if (cached) return cached;
  const locale = reply.locale;
  const text = locale === 'en' ? reply.text.toLowerCase() : reply.text;
  const spans = clauseSpans(text);
  const hits: ConceptHit[] = [];
  for (const concept of candidateConcepts(conceptsFor(locale), text)) {
    // Words in quotation marks are someone else's ('nothing we can do' isn't good enough).
    eachMatch(concept.regex, text, (start, end) => {
      if (!isQuoted(reply, start, end)) hits.push({ id: concept.id, start, end, negated: false, byCustomer: false });
    });
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const numbers = findNumbers(text);
  let sentence = 0;
  const clauses: Clause[] = spans.map((span, index) => {
    // A concept that starts on the joining word before a clause ("…, so you'd like…") belongs to that clause.
    const from = index > 0 ? spans[index - 1]!.end : 0;
    const inside = hits.filter((h) => h.start >= from && h.start < span.end);
    // "you yourself" attributes what follows it to the customer; a phrase that contains it (你自己算错) says so itself.
    const customerAt = inside.filter((h) => h.id === 'customer-does').map((h) => h.end);
    // A suggestion worded with a negation (why not…, why don't we…, 要不…) does not negate what it suggests.
    const suggested = (h: ConceptHit) =>
      inside.some((o) => o.id === 'offer' && o.end <= h.start && /not|n't|不/.test(text.slice(o.start, o.end)));
    for (const h of inside) {
      h.negated =
        (!UNNEGATED.has(h.id) && (negatedBefore(reply, h.start) || waivedAfter(reply, h.end)) && !suggested(h)) ||
        (DISCLAIMABLE.has(h.id) && disclaimedAfter(reply, h.end));
      h.byCustomer = customerAt.some((at) => at <= h.start);
    }
    const live = (id: string) => inside.some((h) => h.id === id && !h.negated);
    const tagged = closesOnTag(inside, text, span.end);
    const question = QUESTION_MARK.test(span.mark) || live('question') || tagged;
    const acts = actsOf(live, question);
    const clause: Clause = {
      text: reply.text.slice(span.start, span.end),
      start: span.start,
      end: span.end,
      sentence,
      act: acts[0]!,
      acts,
      concepts: inside,
      numbers: numbers.filter((n) => n.start >= span.start && n.start < span.end).map((n) => n.value),
    };
    // "是所有短信都收不到？还是只有银行的？" / "Every text? Or only the bank's?": the question mark before 还是 / "or"
    // does not end the either-or; its second half is asked in the same sentence.
    const next = spans[index + 1];
    if (next && QUESTION_MARK.test(span.mark) && EITHER_OR[locale].test(text.slice(next.start, next.end))) return clause;
    if (SENTENCE_MARK.test(span.mark) || tagged) sentence++;
    return clause;
  });
  // "Same phone as always, or a new one?" / "刷卡，还是现金？": the first half of an either-or question asks too.
  clauses.forEach((c, i) => {
    const next = clauses[i + 1];
    if (c.act === 'statement' && next?.sentence === c.sentence && next.acts.includes('question') && EITHER_OR[locale].test(next.text)) {
      c.acts = ['question'];
      c.act = 'question';
    }
  });
  // 「有什么问题您随时找我」: a question word that only means "any" in an invitation to come back asks nothing,
  // unless its sentence is asked with a question mark or a closing 吗.
  for (const invite of hits.filter((h) => h.id === 'come-back-invite' && !h.negated)) {
    const inside = clauses.filter((c) => c.start < invite.end && c.end > invite.start);
    const sentences = new Set(inside.map((c) => c.sentence));
    const asked = clauses.some(
      (c, i) => sentences.has(c.sentence) && (QUESTION_MARK.test(spans[i]!.mark) || CLOSING_PARTICLE.test(c.text)),
    );
    if (asked) continue;
    for (const c of inside) {
      c.acts = c.acts.filter((a) => a !== 'question');
      if (!c.acts.length) c.acts.push('statement');
      c.act = c.acts[0]!;
    }
  }
  // "Since when has it been down, do you know?": a bare tag closing a sentence (a locale's `soft-tag`) only softens
  // what the sentence asks before it. Those clauses ask; the tag asks for nothing the customer cannot know.
  clauses.forEach((tag, i) => {
    const before = clauses.filter((k, j) => j < i && k.sentence === tag.sentence);
    const last = clauses[i + 1]?.sentence !== tag.sentence;
    if (!last || !before.length || !tag.concepts.every((h) => KNOW_TAG.has(h.id))) return;
    if (!tag.concepts.some((h) => h.id === 'soft-tag')) return;
    for (const k of before.filter((k) => k.act === 'statement')) k.acts = ['question'];
    tag.acts = ['greeting'];
    for (const k of [...before, tag]) k.act = k.acts[0]!;
  });
  // "Sorry, what's your name?" / "不好意思，请问…" / "Sorry, sorry — was it a hundred?" / "How much was it, sorry?":
  // bare apologies right before a question, or one closing it, are politeness, not an apology.
  const bareApology = (c: Clause) => c.acts.includes('apology') && c.text.trim().length <= POLITE_MAX[locale];
  const polite = clauses.map((c, i) => {
    if (!bareApology(c)) return false;
    const rest = clauses.slice(i + 1).filter((k) => k.sentence === c.sentence);
    const next = rest.find((k) => !bareApology(k));
    // An apology before a proposal put as a question ("真的很抱歉，要不您再考虑考虑？") is an apology.
    if (c.act === 'apology' && next?.acts.includes('question') && !next.acts.includes('offer')) return true;
    const before = clauses[i - 1];
    return rest.length === 0 && before?.sentence === c.sentence && before.acts.includes('question') && !before.acts.includes('apology');
  });
  clauses.forEach((c, i) => {
    if (!polite[i]) return;
    c.acts = c.acts.filter((a) => a !== 'apology');
    if (!c.acts.length) c.acts.push('greeting');
    c.act = c.acts[0]!;
  });
  // "您是说您给了我一百，对吗？" / "So you'd like 3G, right?": the play-back and its tag are separate clauses of one sentence.
  // A plain statement right before the tag plays the customer's account back too, whatever its words
  // ("So the lorry got here at eleven, right?", 「材料车十一点才到，保安不让进，对吧？」), unless it is the trainee's
  // own doing, a reproach, soothing or small talk ("您慢慢说，刚才是一百对吧" only asks).
  const live = (k: Clause, id: string) => k.concepts.some((h) => h.id === id && !h.negated);
  const account = (k: Clause, acts: Act[]) =>
    acts.includes(k.act) && !FILLER[locale].test(k.text) && !NOT_AN_ACCOUNT.some((id) => live(k, id));
  clauses.forEach((c, i) => {
    if (c.acts.includes('restate') || live(c, 'open-question')) return;
    const said = live(c, 'restate');
    if (!said && !account(c, ['statement'])) return;
    const rest = clauses.slice(i + 1).filter((k) => k.sentence === c.sentence);
    const tag = rest.findIndex((k) => live(k, 'confirm-tag'));
    if (tag < 0) return;
    // Between the account and its tag only more of the account: what the customer was refused is part of it.
    if (!said && !rest.slice(0, tag).every((k) => live(k, 'restate') || account(k, ['statement', 'refusal', 'restate']))) return;
    c.acts = ACTS.filter((a) => a === 'restate' || (c.acts.includes(a) && a !== 'statement'));
    c.act = c.acts[0]!;
  });
  const acts = [...new Set(clauses.flatMap((c) => c.acts))];
  const firstReal = clauses.find((c) => !FILLER[locale].test(c.text)) ?? clauses[0];
  const bareYes =
    firstReal !== undefined &&
    // The locales' `affirm` concept matches only where a clause starts.
    live(firstReal, 'affirm') &&
    !clauses.some((c) => c.acts.includes('refusal') || c.concepts.some((h) => h.id === 'contrast' || (h.id === 'affirm' && h.negated)))
      ? firstReal
      : undefined;
  const keywordList = isKeywordList(reply.text, locale, reply.words.functionWords, reply.words.keywordWrappers);
  const analysis: ReplyAnalysis = { locale, text: reply.text, clauses, acts, bareYes, keywordList };
  reply.scratch.analysis = analysis;
  return analysis;
}

/** The analysis of a reply given as text. */
export function analyseReply(text: string, locale: InputLocale): ReplyAnalysis {
  return analysePrepared(prepareReply(typeof text === 'string' ? text : String(text ?? ''), locale));
}
