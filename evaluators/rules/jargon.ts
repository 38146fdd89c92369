import type { Finding, ReplyContext, ScenarioJargon } from '../types.ts';
import type { Rule } from './rule.ts';
import { entriesFor, findMatches, toFinding, type Match } from '../engine/match.ts';
import { isQuoted, type PreparedReply } from '../engine/prepare.ts';
import { segment, teachWords } from '../text/segment.ts';
import type { LexiconEntry } from '../lexicon/load.ts';

const LATIN_WORD = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9+\-']*[A-Za-z0-9]?(?![A-Za-z])/g;
/** The English words that follow a word with only spaces between (late checkout, fast track). */
const ENGLISH_RUN = /^(?: +[A-Za-z][A-Za-z0-9+\-']*)*/;

const ENGLISH_IN_CHINESE = {
  rule: 'english-in-chinese',
  note: '中文回复里夹英文,顾客不一定听得懂,还显得不够亲切。',
  suggestion: '用普通话说出来,例如"跟进"而不是"follow"。',
};

/**
 * The English explainer begins the text as words of its own: "it's a" starts "it's a fee we add", not
 * "it's applied to all bookings"; an explainer ending in a mark ("(") needs no word end after it.
 */
function startsWithWord(text: string, words: string): boolean {
  return text.startsWith(words) && (!/[a-z0-9]$/.test(words) || !/^[a-z0-9]/.test(text.slice(words.length)));
}

/** A term counts as explained when an explainer follows it closely (PUK码就是…) or precedes it (也就是APN). */
function explained(reply: PreparedReply, start: number, end: number): boolean {
  if (explainedLater(reply, end)) return true;
  const words = reply.words.explainers;
  if (reply.locale === 'en') {
    const after = reply.text.slice(end, end + 24);
    const before = reply.text.slice(Math.max(0, start - 16), start);
    // "Could you give me the IMEI? It's the 15-digit serial number" explains it in the next breath.
    // Apostrophes inside words are straight already (prepareReply).
    const a = after.toLowerCase().replace(/^[\s,—–:?-]+/, '');
    // "Your IBAN — the long number on your statement", "your NI number (that's the National Insurance number)": explained in apposition.
    // "an ILL for that — an inter-library loan" (two words may come between); "a pending authorisation — your bank holds it";
    // a spaced hyphen typed for the dash ("the UV lamp - the light inside the filter").
    if (
      /^\s*(?:(?:[a-z]+\s+){0,2}(?:[—–(]|-(?=\s))\s*(?:that's|that is|it's|the|a|an|which|where|i\.e\.|meaning|basically)|[—–(]\s*your)\b/i.test(
        after,
      )
    )
      return true;
    // "your motion sensor, we call it a PIR": named as the trade calls it, after the plain words.
    return (
      words.some((w) => startsWithWord(a, w.toLowerCase())) ||
      /\b(?:called|known as|the so-called|call (?:it|this|that) (?:a |an |the )?)\s*$/i.test(before)
    );
  }
  // "PUK码就是…", "IMEI吗?就是…", "cork taint，就是…": the explanation may follow a particle, a question mark or a comma,
  // half-width or full-width.
  const a = reply.text.slice(end).replace(/^[码吗呢]?[,，:：?？ ]*/, '');
  return words.some((w) => a.startsWith(w)) || /(?:也就是|叫做|叫|所谓的?)$/.test(reply.text.slice(0, start));
}

const LATER_EXPLAINER = {
  'zh-CN':
    /^[^。!?！？\n]{0,16}?(?:也就是说?|就是说|意思是|简单说|简单来说|说白了|通俗点说|换句话说|[,，]说明|(?:就)?是(?:用来|一种|一个|指))/,
  en: /^[^.!?\n]{0,40}?(?:,|—|-|\()\s*(?:which is|that is|that's (?:where|how|when)|which is where|i\.e\.|meaning|in other words|basically|in plain terms|(?:that|which) (?:just|simply) means)\b/i,
};

/**
 * "我们要用OTA给您的卡更新一下,也就是通过短信远程升级", "your account is on a KYC hold, that just means we re-check your ID":
 * the explanation follows later in the sentence.
 */
function explainedLater(reply: PreparedReply, end: number): boolean {
  return LATER_EXPLAINER[reply.locale].test(reply.text.slice(end, end + 60));
}

/**
 * The customer asks what an English term means ("What does RCT mean?", "What's a QMS?"): it is not yet theirs. A Chinese reply
 * usually answers with the cause in the same breath (鉴权失败一般是卡没插好), so a Chinese question keeps the customer's
 * word; a customer who says they cannot read or follow it (报告上写着MLU,我看不懂) has not made it theirs.
 */
const ASKS_MEANING =
  /\bwhat (?:does|do|did) [^?.!]{0,40}\b(?:mean|stand for)\b|\bwhat(?:'s| is| are) (?:a |an |the )?(?:that|this|those|these|[a-z][\w&-]*\s*\?)|\bno idea what\b|[看听]不懂/i;

/** The term in the customer's text as a word of its own: "DIN" is not in "bindings". */
function saysWord(text: string, term: string): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    if (!/[a-z0-9]/.test(text.charAt(at - 1)) && !/[a-z0-9]/.test(text.charAt(at + term.length))) return true;
  }
  return false;
}

/** A term the customer used first is the customer's own word, not jargon thrown at them, unless they asked what it means. */
function customerSaid(context: ReplyContext, term: string): boolean {
  const lower = term.toLowerCase();
  const said = (context.history ?? []).filter((t) => t.role === 'customer').map((t) => t.text);
  if (context.customer !== undefined) said.push(context.customer);
  return said.some((t) => saysWord(t.toLowerCase(), lower) && !ASKS_MEANING.test(t));
}

/**
 * An abbreviation in an English reply (VPLMN, CDRs, QMS): unknown ones are jargon unless everyday (SIM, PIN, TV)
 * or a word of speech in capitals for stress (NOT, YOUR).
 * A clitic after it leaves it one ("your DIN's on six", "it was RTS'd").
 */
const ABBREVIATION = /(?<![A-Za-z0-9'-])[A-Z][A-Z0-9&]{1,6}(?:s)?(?=['’](?:s|d|ll|ve|re)\b|(?![A-Za-z0-9'-]))/g;

const UNKNOWN_ABBREVIATION = {
  rule: 'technical-term',
  note: 'An abbreviation the customer is unlikely to know; it sounds like the inside of your systems.',
  suggestion: 'Say what it is in plain words, or leave it out.',
};

/**
 * Letters read off a slip or a screen for the customer to find (单子上写着MTCN的那串数字, 右下角有个Aa): a label pointed at,
 * not a word said to them.
 */
const LABEL_BEFORE = /(?:写着|印着|标着|标有|印有|显示着|[上下左右角边]有个)$/;

const HAN = /^[\u3400-\u9fff]+$/;

/** The segmenter knows every Chinese term of the list as a word, so a term is cut whole where it is one. */
function taughtTerms(entries: LexiconEntry[]): void {
  for (const entry of entries) if (entry.phrases) teachWords(entry.phrases);
}

/** What a scenario's own term tells the trainee; the scenario may give its own note. */
const SCENARIO_TERM = {
  'zh-CN': { note: '这是本场景的术语，顾客多半听不懂。', suggestion: '换成顾客听得懂的说法。' },
  en: { note: 'A term of this scenario the customer is unlikely to know.', suggestion: 'Say it in words the customer uses.' },
};

function scenarioEntry(extra: ScenarioJargon): LexiconEntry {
  const told = SCENARIO_TERM[extra.locale];
  return {
    id: `scenario-${extra.term}`,
    rule: 'scenario-term',
    note: extra.note ?? told.note,
    suggestion: told.suggestion,
    plain: extra.plain,
    source: 'scenario',
    // Its own word, so one found inside two others (外线 in 楼外线路) is no use of it.
    phrases: [extra.term],
    regex: /$^/,
  };
}

/** A scenario's own terms as one list per scenario, so the segmenter is taught them once. */
const scenarioTerms = new WeakMap<readonly ScenarioJargon[], string[]>();
function termsOf(extra: readonly ScenarioJargon[]): string[] {
  let terms = scenarioTerms.get(extra);
  if (!terms) scenarioTerms.set(extra, (terms = extra.map((x) => x.term)));
  return terms;
}

/**
 * A Chinese term found across a word boundary belongs to two other words, not to the
 * reply (资损 in 工资损失, 话单 in 说的话单独): a word of the reply straddles its start or end.
 */
function acrossWords(reply: PreparedReply, start: number, end: number, text: string): boolean {
  if (reply.locale !== 'zh-CN' || !HAN.test(text)) return false;
  const tokens = (reply.scratch.tokens ??= segment(reply.text));
  return tokens.some((t) => (t.start < start && t.end > start) || (t.start < end && t.end > end));
}

/** The words of a context list, lower-cased, made once per list (a reload brings a new list). */
const wordSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function wordSet(words: readonly string[]): ReadonlySet<string> {
  let set = wordSets.get(words);
  if (!set) {
    set = new Set(words.map((w) => w.toLowerCase()));
    wordSets.set(words, set);
  }
  return set;
}

/** How many Latin capitals a text holds. */
function capitals(text: string): number {
  return text.replace(/[^A-Z]/g, '').length;
}

function shouting(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length > 12 && capitals(letters) / letters.length > 0.6;
}

export const jargon: Rule = {
  meta: {
    id: 'jargon',
    dimension: 'jargon',
    polarity: 'bad',
    description: {
      'zh-CN': '专业术语:顾客听不懂的技术或内部用语、中文里夹杂的英文,且没有用大白话解释。',
      en: 'Jargon: technical or internal terms, or English mixed into Chinese, left unexplained.',
    },
    messages: {
      'technical-term': { 'zh-CN': '技术术语没有解释:"{words}"', en: 'Unexplained technical term: "{words}"' },
      'internal-term': { 'zh-CN': '内部用语:"{words}"', en: 'Internal term: "{words}"' },
      'english-in-chinese': { 'zh-CN': '中文里夹英文:"{words}"', en: 'English in a Chinese reply: "{words}"' },
      'scenario-term': { 'zh-CN': '本场景的术语:"{words}"', en: 'Scenario term: "{words}"' },
    },
  },
  check(reply: PreparedReply, context: ReplyContext): Finding[] {
    const entries = entriesFor(reply, 'jargon');
    const listed = findMatches(reply, entries);
    const matches: Match[] = [...listed];
    for (const extra of context.scenario?.extraJargon ?? []) {
      if (extra.locale !== reply.locale) continue;
      for (let at = reply.text.indexOf(extra.term); at >= 0; at = reply.text.indexOf(extra.term, at + extra.term.length)) {
        const end = at + extra.term.length;
        // A word the lists already name is one term, told once, by the list.
        if (listed.some((m) => m.start <= at && m.end >= end)) continue;
        matches.push({ start: at, end, text: extra.term, entry: scenarioEntry(extra) });
      }
    }
    if (reply.locale === 'zh-CN' && matches.length) {
      taughtTerms(entries);
      if (context.scenario?.extraJargon) teachWords(termsOf(context.scenario.extraJargon));
    }
    // Only the list's own words are taught to the segmenter; a pattern's match is not checked.
    const ownWords = matches.filter((m) => !(m.entry.phrases?.includes(m.text) && acrossWords(reply, m.start, m.end, m.text)));
    // A term explained once in the reply is explained for all its uses.
    // "网络制式…制式就是…" explains the longer term through its core word too.
    const explainedTerms = ownWords.filter((m) => explained(reply, m.start, m.end)).map((m) => m.text.toLowerCase());
    const isExplained = (term: string): boolean => explainedTerms.some((t) => term.includes(t) || t.includes(term));
    const findings = ownWords
      .filter((m) => !isExplained(m.text.toLowerCase()) && !customerSaid(context, m.text))
      .map((m) => {
        const f = toFinding(reply, m, 'jargon', 'bad');
        if (m.entry.plain) f.suggestion = `${m.entry.suggestion} (${reply.locale === 'en' ? 'plain words' : '可以说'}: ${m.entry.plain})`;
        return f;
      });
    if (reply.locale === 'en' && !shouting(reply.text)) {
      const everyday = wordSet(reply.words.everyday);
      // "I will NOT", "SO sorry", "YOUR money": a word of speech in capitals is stressed, not an abbreviation.
      const stressed = wordSet(reply.words.functionWords);
      for (const m of reply.text.matchAll(ABBREVIATION)) {
        const start = m.index;
        const end = start + m[0].length;
        const word = m[0].replace(/s$/, '');
        if (capitals(word) < 2 || everyday.has(word.toLowerCase()) || everyday.has(m[0].toLowerCase())) continue;
        if (stressed.has(m[0].toLowerCase())) continue;
        if (/^\d*[A-Z]?\d+[A-Z]?$/.test(word)) continue;
        // The findings so far come from these matches: a term the lists name is told by them.
        if (matches.some((x) => start < x.end && end > x.start)) continue;
        if (isQuoted(reply, start, end) || explained(reply, start, end) || customerSaid(context, word)) continue;
        findings.push(toFinding(reply, { start, end, entry: UNKNOWN_ABBREVIATION }, 'jargon', 'bad'));
      }
    }
    if (reply.locale === 'zh-CN') {
      for (const m of reply.text.matchAll(LATIN_WORD)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[0].length < 2 || matches.some((x) => start < x.end && end > x.start)) continue;
        if (wordSet(reply.words.everyday).has(m[0].toLowerCase())) continue;
        if (/^[A-Z0-9]{1,3}\d*$/.test(m[0]) && /\d/.test(m[0])) continue; // 3G, 4G, 5G and model numbers
        // "late checkout,就是延迟退房": English words in a row are one term, explained after the last of them.
        const runEnd = end + (ENGLISH_RUN.exec(reply.text.slice(end))?.[0].length ?? 0);
        if (isQuoted(reply, start, end) || explained(reply, start, runEnd) || customerSaid(context, m[0])) continue;
        if (LABEL_BEFORE.test(reply.text.slice(Math.max(0, start - 4), start))) continue;
        findings.push(toFinding(reply, { start, end, entry: ENGLISH_IN_CHINESE }, 'jargon', 'bad'));
      }
    }
    return findings;
  },
};
