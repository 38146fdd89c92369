// What the customer knows: a question about one of the scenario's facts is answered
// from the facts; a question about something the customer cannot know gets "how
// would I know"; small talk gets impatience; restating the customer's words gets a
// confirmation; asking what they came for gets the demand again. The state does not change.
import {
  COURTESY_ACTS,
  FACT_QUESTION,
  matchPattern,
  REQUIRED_CONCEPTS,
  type Clause,
  type ConceptPattern,
  type ReplyAnalysis,
  findNumbers,
  simplify,
} from '../evaluators/index.ts';
import type { Fact, Scenario } from './model.ts';

export interface Answer {
  kind: 'fact' | 'unknown' | 'irrelevant' | 'restated' | 'purpose';
  fact?: Fact & { answers: NonNullable<Fact['answers']> };
}

/** Every concept a pattern names. */
const namedIn = (p: { all?: string[]; any?: string[]; seq?: string[] }): string[] => [...(p.all ?? []), ...(p.any ?? []), ...(p.seq ?? [])];

/** Concepts that name this scenario's subject matter (what its intents and facts talk about). */
const topics = new WeakMap<Scenario, Set<string>>();
function topicsOf(scenario: Scenario): Set<string> {
  let set = topics.get(scenario);
  if (!set) {
    const acts = new Set<string>(REQUIRED_CONCEPTS);
    set = new Set(
      [...scenario.intents.flatMap((i) => i.patterns), ...scenario.facts.flatMap((f) => f.asks ?? [])]
        .flatMap(namedIn)
        .filter((id) => !acts.has(id)),
    );
    topics.set(scenario, set);
  }
  return set;
}

const NOT_SUBJECTS: ReadonlySet<string> = new Set([...REQUIRED_CONCEPTS, ...FACT_QUESTION]);
/** How much a bare question's own word ("when was that?") outweighs a subject asked about (3) in the statement before it. */
const BARE_QUESTION_WEIGHT = 3;
/** A dash between words (" - ", " — "), not a hyphen inside one. */
const DASH = /^\s+[-–—]\s|^\s*[–—]/;

/**
 * The subjects a question word asks about: a subject named right at the word, overlapping it or
 * after nothing but a space. "几楼的材料？" asks which floor, not what the materials are; "什么材料？"
 * asks the materials; "which floor…?" asks the floor. A subject further off ("how many nights a
 * month…?") is left to the other weights.
 */
function askedSubjects(text: string, clauses: Clause[], topics: ReadonlySet<Clause>): Set<string> {
  const asked = new Set<string>();
  // The asking clauses come with negation and the customer as actor already cleared (answerQuestion).
  for (const clause of clauses)
    for (const word of clause.concepts) {
      if (topics.has(clause) && !NOT_SUBJECTS.has(word.id)) asked.add(word.id);
      if (word.id !== 'open-question') continue;
      for (const h of clause.concepts)
        if (!NOT_SUBJECTS.has(h.id) && h.start >= word.start && /^\s*$/.test(text.slice(word.end, h.start))) asked.add(h.id);
    }
  return asked;
}

/**
 * How much of what was asked a fact's pattern accounts for: each concept it requires
 * (all, seq) that the asking sentence holds counts, and the best one of its alternatives
 * (any); a subject (the invoice, the freezing) counts twice as much as a question word
 * (when, how much), so "when did it start freezing?" is about the freezing, not about
 * when the phone was bought, and the subject a question word asks about (askedSubjects)
 * once more. Between equals, the one said last is what is asked
 * ("停机对您的生意影响大吗" asks about the effect, not the cut-off).
 */
function specificity(pattern: ConceptPattern, clauses: Clause[], asked: Set<string>): { score: number; last: number; subjects: number } {
  let last = -1;
  const weight = (id: string) => {
    const hits = clauses.flatMap((c) => c.concepts.filter((h) => h.id === id && !h.negated && !h.byCustomer));
    for (const h of hits) last = Math.max(last, h.end);
    return hits.length ? (FACT_QUESTION.has(id) ? 1 : asked.has(id) ? 3 : 2) : 0;
  };
  let score = 0;
  for (const id of new Set([...(pattern.all ?? []), ...(pattern.seq ?? [])])) score += weight(id);
  score += Math.max(0, ...(pattern.any ?? []).map(weight));
  // Each subject counts 2 and each question word 1, at most one question word per pattern part.
  return { score, last, subjects: Math.floor(score / 2) };
}

/** A named value weighs as a subject does (specificity). */
const VALUE_WEIGHT = 3;
const LETTER = /[\p{L}\p{N}]/u;

/** The reply as values are compared with it (lower-case English), and the spans of the sentences that ask. */
interface AskingText {
  text: string;
  spans: [number, number][];
}
function askingText(analysis: ReplyAnalysis, asking: Clause[]): AskingText {
  const sentences = new Set(asking.map((c) => c.sentence));
  return {
    text: analysis.locale === 'en' ? analysis.text.toLowerCase() : analysis.text,
    spans: analysis.clauses.filter((c) => sentences.has(c.sentence)).map((c) => [c.start, c.end]),
  };
}

/** What is worked out once per fact and locale from the scenario's data, kept for the life of the fact. */
function perFact<T>(cache: WeakMap<Fact, Map<string, T>>, fact: Fact, locale: ReplyAnalysis['locale'], make: () => T): T {
  let byLocale = cache.get(fact);
  // Stryker disable next-line ConditionalExpression: a new map each time only loses the cache (speed only)
  if (!byLocale) cache.set(fact, (byLocale = new Map()));
  let value = byLocale.get(locale);
  // Stryker disable next-line ConditionalExpression: making it again gives the same value (speed only)
  if (value === undefined) byLocale.set(locale, (value = make()));
  return value;
}

/** A fact's value as a prepared reply writes it: simplified Chinese, lower-case English. */
export const preparedValue = (value: string, locale: ReplyAnalysis['locale']): string =>
  locale === 'en' ? value.toLowerCase() : simplify(value).text;

const preparedValues = new WeakMap<Fact, Map<string, string[]>>();
/** A fact's values as a prepared reply writes them: simplified Chinese, lower-case English. */
const valuesOf = (fact: Fact, locale: ReplyAnalysis['locale']): string[] =>
  perFact(preparedValues, fact, locale, () =>
    // Stryker disable next-line ArrayDeclaration: only a reply holding the mutant's own words could tell
    (fact.values?.[locale] ?? []).map((v) => preparedValue(v, locale)),
  );

/**
 * Where the last value of the fact named in the asking sentences ends, or -1: an English value is a word or
 * words of their own ("Chen", not "Chennai"); a Chinese one is found anywhere.
 */
function namedValueEnd(fact: Fact, locale: ReplyAnalysis['locale'], { text, spans }: AskingText): number {
  let end = -1;
  for (const value of valuesOf(fact, locale))
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
      const after = i + value.length;
      if (!spans.some(([from, to]) => i >= from && after <= to)) continue;
      if (locale === 'en' && (LETTER.test(text[i - 1] ?? '') || LETTER.test(text[after] ?? ''))) continue;
      end = Math.max(end, after);
    }
  return end;
}

const NUMBER_WEIGHT = 2;
const statedNumbers = new WeakMap<Fact, Map<string, Set<number>>>();
/** The numbers a fact's answers state in a locale (五块, fifty-five, 55). */
const numbersOf = (fact: Fact, locale: ReplyAnalysis['locale']): Set<number> =>
  perFact(statedNumbers, fact, locale, () => {
    const text = (fact.answers ?? []).flatMap((a) => a[locale] ?? []).join('\n');
    return new Set(findNumbers(text).map((n) => n.value));
  });

/**
 * For each fact, where the asking clauses end that ask back a number only that fact's answers state. One is
 * no figure ("a new one", "which one?").
 */
function numbersAskedBack(scenario: Scenario, locale: ReplyAnalysis['locale'], asking: Clause[]): Map<Fact, number> {
  const found = new Map<Fact, number>();
  for (const clause of asking)
    for (const n of clause.numbers) {
      if (n === 1) continue;
      const stating = scenario.facts.filter((f) => f.answers?.length && numbersOf(f, locale).has(n));
      if (stating.length === 1) found.set(stating[0]!, Math.max(found.get(stating[0]!) ?? -1, clause.end));
    }
  return found;
}

/** What a guess at the fact's value weighs, and where it was said last. */
function guessOf(
  fact: Fact,
  locale: ReplyAnalysis['locale'],
  text: AskingText,
  numbered: Map<Fact, number>,
): { score: number; last: number } {
  const named = namedValueEnd(fact, locale, text);
  const number = numbered.get(fact) ?? -1;
  return { score: (named >= 0 ? VALUE_WEIGHT : 0) + (number >= 0 ? NUMBER_WEIGHT : 0), last: Math.max(named, number) };
}

/** Whether one reading of a question outweighs another: more weight, or as much said later. */
const outweighs = (a: { score: number; last: number }, b: { score: number; last: number } | undefined): boolean =>
  !b || a.score > b.score || (a.score === b.score && a.last > b.last);

/** Small talk said without a question ("今天天气真不错", "Lovely day today."): chat and nothing about the case. */
function smallTalk(scenario: Scenario, analysis: ReplyAnalysis): boolean {
  const live = analysis.clauses.flatMap((c) => c.concepts.filter((h) => !h.negated));
  return (
    live.some((h) => h.id === 'smalltalk') &&
    !live.some((h) => topicsOf(scenario).has(h.id)) &&
    analysis.clauses.every((c) => c.acts.every((a) => a === 'statement' || a === 'greeting' || a === 'thanks'))
  );
}

/** Words of a tag that only asks the customer to agree ("好不好？", "how does that sound?"). */
const CONSENT_TAG = new Set(['agree', 'question', 'open-question', 'confirm-tag']);

/**
 * A clause that only asks the customer to agree ("好不好？", "Does that work for you?") after something said before it.
 * A tag put negatively asks the same ("Wouldn't that work for you?", "不好吗？"), so negation is not read here.
 */
function agreeTag(analysis: ReplyAnalysis, clause: Clause, said: (k: Clause) => boolean): boolean {
  return (
    clause.concepts.some((h) => h.id === 'agree') &&
    clause.concepts.every((h) => CONSENT_TAG.has(h.id)) &&
    analysis.clauses.some((k) => k.end <= clause.start && said(k))
  );
}

/** A tag asking consent to a proposal made before it ("每月给您寄账单，好不好？", "… How does that sound?") asks for no fact. */
const consentTag = (analysis: ReplyAnalysis, clause: Clause) => agreeTag(analysis, clause, (k) => k.acts.includes('offer'));

const live = (c: Clause, id: string) => c.concepts.some((h) => h.id === id && !h.negated);
/** "Do you know…?": a question whatever else the clause offers. */
const asksKnowledge = (c: Clause) => live(c, 'ask-know');
/** An open question about what the customer wants ("您希望我们怎么处理？"); "您希望我帮您退掉吗？" stays an offer. */
const asksWish = (c: Clause) => live(c, 'want-q') && live(c, 'open-question');

/**
 * The customer's answer to the questions in a reply; undefined when the reply asks nothing. `playedBack`:
 * the reply restates what the customer just said (listeningActs).
 */
export function answerQuestion(scenario: Scenario, analysis: ReplyAnalysis, playedBack = false): Answer | undefined {
  // A question that proposes our own action (shall we phone the owner?) is an offer, not a request for facts.
  // "Do you know…?" asks, whatever else the clause holds ("您知道咱们小区…吗？"), and so does an open question about
  // what the customer wants done, though it names our help ("您希望我们怎么帮您处理？").
  const asking = analysis.clauses.filter(
    (c) =>
      (c.acts.includes('question') || c.acts.includes('restate')) &&
      (!c.acts.includes('offer') || asksKnowledge(c) || asksWish(c)) &&
      !consentTag(analysis, c),
  );
  // "What can I do for you?" offers help in the form of a question: it asks for the demand itself.
  const purpose = analysis.clauses.some((c) => c.acts.includes('question') && c.concepts.some((h) => h.id === 'ask-purpose' && !h.negated));
  if (!asking.length) return purpose ? { kind: 'purpose' } : smallTalk(scenario, analysis) ? { kind: 'irrelevant' } : undefined;
  const has = (id: string) => asking.some((c) => c.concepts.some((h) => h.id === id && !h.negated));
  // Other customers named anywhere in a sentence that asks ("前面那位顾客给的是一百还是五十，您看见了吗？").
  const others = analysis.clauses.some(
    (c) => asking.some((a) => a.sentence === c.sentence) && c.concepts.some((h) => h.id === 'other-customers' && !h.negated),
  );
  // "Do you know …?" asks for what the customer cannot know (the till's contents, the back office), and so
  // does a question about other customers' business.
  if (has('ask-know') || has('system') || others) return { kind: 'unknown' };
  // A subject put before a dash and asked about after it ("The owner - is he still upstairs?", "And the rubbish -
  // what is it?") is what is asked: the clause before the dash asks too, and its subjects count as asked.
  // A question that names nothing but its question word ("How many are we talking about?", 「那是什么时候的事？」), or
  // only checks back ("Is that right?", 「对吗？」), asks about what the statement just before it says ("…so it's
  // letting all those clients know."), and so does that sentence's subject count as asked, our own step too ("I'll
  // sort the rubbish out. How much is there?"). A tag asking to agree ("Does that work for you?") asks nothing of it.
  const subjectless = (c: Clause) => c.concepts.every((h) => NOT_SUBJECTS.has(h.id));
  const bare = new Set(
    asking.filter(
      (c) => !c.concepts.some((h) => h.id === 'agree') && analysis.clauses.every((k) => k.sentence !== c.sentence || subjectless(k)),
    ),
  );
  const elliptic = new Set([...bare].map((c) => c.sentence - 1));
  const topics = new Set(
    analysis.clauses.filter(
      (c) =>
        !asking.includes(c) &&
        ((DASH.test(analysis.text.slice(c.end)) && asking.some((k) => k.sentence === c.sentence)) ||
          (elliptic.has(c.sentence) && !analysis.clauses.some((k) => k.sentence === c.sentence && asking.includes(k)))),
    ),
  );
  // A question is about its subject whatever its polarity and whoever it says acts: "why don't you want a new
  // number?" asks about the new number, "您没带发票吗？" about the invoice, "您自己会在App上看明细吗？" about the app.
  const asked = new Set([...asking, ...topics]);
  const unsigned: ReplyAnalysis = {
    ...analysis,
    clauses: analysis.clauses.map((c) =>
      asked.has(c) ? { ...c, concepts: c.concepts.map((h) => ({ ...h, negated: false, byCustomer: false })) } : c,
    ),
  };
  const askingUnsigned = unsigned.clauses.filter((_, i) => asked.has(analysis.clauses[i]!));
  const topicsUnsigned = new Set(unsigned.clauses.filter((_, i) => topics.has(analysis.clauses[i]!)));
  // Only a bare question with a statement before it to be about.
  const topicSentences = new Set([...topics].map((c) => c.sentence));
  const bareUnsigned = new Set(unsigned.clauses.filter((c, i) => bare.has(analysis.clauses[i]!) && topicSentences.has(c.sentence - 1)));
  // Each asking sentence on its own: "Are you on business a lot? How many days a month are you away?" asks
  // about the travelling in both, and the second one is where it is asked last. A bare question is read
  // together with the statement it asks about.
  // What we say we will do after asking ("…so I can pull up the account?") tells what the question is for, not what it asks.
  const ownStep = (c: Clause) =>
    c.acts.includes('offer') && !askingUnsigned.includes(c) && askingUnsigned.some((a) => a.sentence === c.sentence && a.end <= c.start);
  const sentences = [...new Set(asking.map((c) => c.sentence))].map((s) => ({
    ...unsigned,
    clauses: unsigned.clauses.filter(
      (c) => (c.sentence === s && !ownStep(c)) || (c.sentence === s - 1 && elliptic.has(s - 1) && topicsUnsigned.has(c)),
    ),
  }));
  const askedIn = new Map(
    [unsigned, ...sentences].map((s) => [
      s,
      askedSubjects(
        analysis.text,
        s.clauses.filter((c) => askingUnsigned.includes(c)),
        topicsUnsigned,
      ),
    ]),
  );
  let best: { fact: Fact; score: number; last: number; subjects: number } | undefined;
  const guessed = askingText(analysis, askingUnsigned);
  const numbered = numbersAskedBack(scenario, analysis.locale, askingUnsigned);
  // Someone else's name (the technician's, the agent's) is answered only by a fact that gives it.
  const theirName = has('their-name');
  for (const fact of scenario.facts) {
    if (!fact.asks?.length || !fact.answers?.length) continue;
    if (theirName && !fact.asks.some((p) => namedIn(p).includes('their-name'))) continue;
    // A value of the fact named in the asking sentences ("It's the Hongda lot, isn't it?"), or a number only its
    // answers state asked back ("You got five?"), counts as its subject.
    const guess = guessOf(fact, analysis.locale, guessed, numbered);
    let own: { score: number; last: number; subjects: number } | undefined = guess.score ? { ...guess, subjects: 1 } : undefined;
    for (const pattern of fact.asks)
      for (const sentence of pattern.within === 'reply' ? [unsigned] : sentences) {
        // A bare question read with the statement before it spans two sentences (the whole reply is read as one already).
        const spans = sentence.clauses.some((c) => c.sentence !== sentence.clauses[0]!.sentence);
        const where = matchPattern(sentence, { within: 'sentence', ...pattern, ...(spans ? { within: 'reply' } : {}) });
        if (!where || !where.some((c) => askingUnsigned.includes(c))) continue;
        const found = specificity(pattern, where, askedIn.get(sentence)!);
        // What a bare question's own word asks ("那是什么时候的事？" asks when) comes before what the statement names.
        const words = new Set(namedIn(pattern));
        const ownWord = sentence.clauses.some((c) => bareUnsigned.has(c) && c.concepts.some((h) => words.has(h.id)))
          ? BARE_QUESTION_WEIGHT
          : 0;
        const reading = {
          score: found.score + (pattern.amount !== undefined ? 2 : 0) + guess.score + ownWord,
          last: Math.max(found.last, guess.last),
          subjects: found.subjects + (guess.score ? 1 : 0),
        };
        if (outweighs(reading, own)) own = reading;
      }
    if (own && outweighs(own, best)) best = { fact, ...own };
  }
  // Small talk that happens to hold a question word or a word of the case ("您周末去哪儿玩？", "衣服在哪儿买的，真好看")
  // is small talk, unless the case is asked about more than the chat is.
  const chat = analysis.clauses.reduce((n, c) => n + c.concepts.filter((h) => h.id === 'smalltalk' && !h.negated).length, 0);
  if (best && chat > best.subjects) return { kind: 'irrelevant' };
  if (best) return { kind: 'fact', fact: best.fact as Answer['fact'] };
  if (theirName) return { kind: 'unknown' };
  if (purpose) return { kind: 'purpose' };
  // A play-back (restating, or her own figures asked back: "You got five?") is confirmed.
  if (playedBack || asking.some((c) => c.acts.includes('restate'))) return { kind: 'restated' };
  // Asked only to agree to what was told before ("the manager says the bags can go in the loading bay tonight.
  // Does that work for you?"), where that names nothing she was asked about: no question. A bare "Sure, how does
  // that sound?" told her nothing to agree to.
  const told = (k: Clause) => k.acts.some((a) => a !== 'question' && !COURTESY_ACTS.has(a));
  if (asking.every((c) => agreeTag(analysis, c, told))) return undefined;
  // Chat anywhere in the reply and nothing the customer can answer ("您这表挺好看，啥牌子的？"): small talk.
  if (chat > 0) return { kind: 'irrelevant' };
  // About this case but not something the customer was told: "how would I know"; about anything else: small talk.
  const topical = asking.some((c) => c.concepts.some((h) => topicsOf(scenario).has(h.id)));
  return { kind: topical ? 'unknown' : 'irrelevant' };
}

/**
 * A second fact asked in a sentence of its own ("您交的是哪天？在哪儿交的？"): answered after `first`, as a person
 * answers both. Only a sentence that names a subject of its own counts; a bare "And how often?" leans on the
 * sentence before it and was part of the first answer. After small talk, asked or not ("Cold out, isn't it? Can I
 * take your name?", "Nice watch. How much is your bill?"), the customer brushes the chat aside and still answers
 * the case.
 */
export function alsoAsked(scenario: Scenario, analysis: ReplyAnalysis, first: Answer): Answer | undefined {
  const sentences = [...new Set(analysis.clauses.filter((c) => c.acts.includes('question')).map((c) => c.sentence))];
  for (const s of sentences) {
    const own = analysis.clauses.filter((c) => c.sentence === s);
    if (!own.some((c) => c.concepts.some((h) => !NOT_SUBJECTS.has(h.id)))) continue;
    const answer = answerQuestion(scenario, { ...analysis, clauses: own });
    if (answer?.kind === 'fact' && answer.fact !== first.fact) return answer;
  }
  return undefined;
}
