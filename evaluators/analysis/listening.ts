// What a reply does to hear the customer out, read from the shared analysis of the reply:
// questions that gather facts, restating the customer's account, checking that it was
// understood. One reading, used by the customer engine (what the trainee only asked or
// played back is not a move of theirs), by the per-reply rules (a restatement is not a
// solution) and by the session's listening credit.
import type { ListeningActs, ReplyReading } from '../types.ts';
import { analyseReply, type Act, type Clause, type ReplyAnalysis } from './analyse.ts';
import type { RuleLocale } from '../types.ts';
import { REQUIRED_CONCEPTS } from './concepts.ts';

/** Question words that ask the customer for a fact of their case (how much, when, where, who, why): they say that a question asks, not what about. */
export const FACT_QUESTION: ReadonlySet<string> = new Set(['how-much', 'when', 'where', 'who', 'why']);
/** Concepts that say what a clause does rather than what it is about. */
const ACT_CONCEPTS = new Set<string>([...REQUIRED_CONCEPTS, 'condition', 'ask-purpose']);
/** Acts after which a question is not listening: a threat or an insult asked as a question is still one. */
const HOSTILE = new Set(['insult', 'threat']);

const live = (c: Clause, id: string) => c.concepts.some((h) => h.id === id && !h.negated);

/** What a reply only asks or plays back, so it is not a move of the trainee's own. */
export interface Hearing {
  /**
   * Sentences that ask, offer nothing, and restate the customer's account or check it was
   * understood: "您是说只找了您五块，是吗？", "您经常出差，想办个3G套餐是吧？",
   * "So you'd like to keep your number, is that right?".
   */
  playedBack: Set<number>;
  /**
   * Clauses that ask the customer for a fact and offer nothing ("can I ask when the owner left?"), and
   * clauses that ask what the customer knows or has heard of ("您知道能不能打个电话就直接退掉吗？", "您知道我们退钱之前得走哪些手续吧？"):
   * what such a question names is asked about, not done.
   */
  factQuestions: Set<Clause>;
}

/** What may come before a restatement that opens a statement: fillers and "I see". */
const PLAY_BACK_LEAD = {
  en: /^[\s,]*(?:(?:oh|ok|okay|right|so|and|alright|got it|i see|i understand|i get it|yeah|yes|sure|mm)\b[\s,]*)*$/iu,
  'zh-CN': /^[\s，,]*(?:(?:嗯|啊|哦|噢|好的|好|对|是|明白了?|懂了?|了解|我理解|我明白|那|所以)[\s，,]*)*$/u,
} as const;
/** The customer as the subject of what is played back, and what follows it. */
const PLAY_BACK_SUBJECT = { en: /\byou(?:['’](?:d|re|ve))?\b/iu, 'zh-CN': /[您你]/u } as const;
/** Said of the customer after a restatement's opening words, these tell what they can or must do: "so you can keep it", 「也就是说您可以保留」. */
const NOT_PLAY_BACK = {
  en: /^(?:['’]ll\b|\s+(?:can|could|will|won['’]t|should|must|may|might|know|see|get|need|have to|don['’]t (?:need|have)|do not (?:need|have)|needn['’]t)\b)/iu,
  'zh-CN': /^(?:可以|能|就能|会|将|不用|不需要|无需|只要|得|必须|要是|的话)/u,
} as const;

/** A clause that does nothing but a courtesy: a greeting, thanks, a bare yes. */
const courtesyOnly = (c: Clause) => c.acts.every((a) => COURTESY_ACTS.has(a));
/** A clause that only leads into what follows it: a filler or "I see" (`lead`), or a courtesy. */
const leadsInOnly = (c: Clause, lead: RegExp) => lead.test(c.text) || courtesyOnly(c);

/** The clause's words up to `end` with its greetings, thanks and bare yeses blanked: "您好您是想…" typed without a comma leads in as "您好，您是想…" does. */
function withoutCourtesy(text: string, c: Clause, end: number): string {
  let out = text.slice(c.start, end);
  for (const h of c.concepts)
    if (COURTESY_ACTS.has(h.id as Act)) out = out.slice(0, h.start - c.start) + ' '.repeat(h.end - h.start) + out.slice(h.end - c.start);
  return out;
}

/**
 * An offer or a condition in a clause makes what it says the trainee's word, not the customer's played back; a
 * condition said after `theirsFrom`, where the play-back names the customer's wish or words, is theirs ("So you'd
 * like 3G if you can keep your number", 您是想只要号码不变就办3G), and so is an offer that starts at `wishedAt`, right
 * after the restating words: what the customer wishes of us (您是想我们给您退钱), not our step (…办3G帮您办好).
 */
const ownWord = (c: Clause, theirsFrom = Infinity, wishedAt = -1) =>
  c.concepts.some((h) => !h.negated && ((h.id === 'offer' && h.start !== wishedAt) || (h.id === 'condition' && h.start < theirsFrom)));

/** Where a play-back names what follows as the customer's wish or words, wanted or not ("you don't want…"); Infinity when it does not. */
const theirWishAt = (c: Clause) => c.concepts.find((h) => h.id === 'their-wish')?.start ?? Infinity;

/**
 * A clause that opens by playing back the customer's wish or account, with nothing of the trainee's own in it. What
 * else it does leaves the wish the customer's: thanked for (您是想保留原号码办3G谢谢, as with a comma before 谢谢) or
 * turned down (您是想保留原号码办3G不可能), it is not promised.
 */
function opensPlayBack(analysis: ReplyAnalysis, c: Clause): boolean {
  const hit = c.concepts.find((h) => h.id === 'restate' && !h.negated);
  if (!hit || ownWord(c, theirWishAt(c), hit.end)) return false;
  // It opens its sentence ("…, so you keep your number" after a step of ours says what the step is for).
  const lead = PLAY_BACK_LEAD[analysis.locale];
  const before = analysis.clauses.filter((k) => k.sentence === c.sentence && k.end <= c.start);
  if (!before.every((k) => leadsInOnly(k, lead))) return false;
  if (!lead.test(withoutCourtesy(analysis.text, c, hit.start))) return false;
  // We after the restating words is a step of ours (您是想办3G我们马上给您办); right after them, whom the wish is about (您是想我们给您退钱).
  if (c.concepts.some((h) => h.id === 'we' && !h.negated && h.start > hit.end)) return false;
  const rest = analysis.text.slice(hit.start, c.end);
  const subject = PLAY_BACK_SUBJECT[analysis.locale].exec(rest);
  if (!subject || subject.index > hit.end - hit.start + 4) return false;
  return !NOT_PLAY_BACK[analysis.locale].test(rest.slice(subject.index + subject[0].length));
}

/**
 * Clauses that play back, as a plain statement, what the customer wants or said ("So you'd like 3G but
 * on the number you've had for years.", 「您的意思是想办3G套餐，但是号码不变。」): the played-back statement
 * goes on into the next clause of its sentence when that one opens with a "but".
 */
function statedBackClauses(analysis: ReplyAnalysis): Set<Clause> {
  const back = new Set<Clause>();
  analysis.clauses.forEach((c, i) => {
    if (!opensPlayBack(analysis, c)) return;
    back.add(c);
    for (const next of analysis.clauses.slice(i + 1)) {
      // A "but" is never undone: a waiver after it (但是换号就免了) calls off the step it names.
      const but = next.concepts.find((h) => h.id === 'contrast');
      const own = ownWord(next) || live(next, 'we');
      if (next.sentence !== c.sentence || own || !but || analysis.text.slice(next.start, but.start).trim()) break;
      back.add(next);
    }
  });
  return back;
}

export function hearing(analysis: ReplyAnalysis): Hearing {
  // A sentence that offers or hands money back ("Here's your fifty back, is that right?", 这五十块退给您，您看看对不对)
  // is the trainee's move, whatever tag it ends on; money handed back in a play-back (您的意思是五十块要退给您，对吧？)
  // is the customer's wish.
  const ownMove = (c: Clause) => c.acts.includes('offer') || (live(c, 'hand-back') && !c.acts.includes('restate'));
  const offering = new Set(analysis.clauses.filter(ownMove).map((c) => c.sentence));
  const asking = new Set(analysis.clauses.filter((c) => c.acts.includes('question') && !offering.has(c.sentence)).map((c) => c.sentence));
  const playedBack = new Set(
    analysis.clauses
      .filter((c) => asking.has(c.sentence) && (c.acts.includes('restate') || c.acts.includes('confirm')))
      .map((c) => c.sentence),
  );
  const factQuestions = new Set(
    analysis.clauses.filter(
      (c) =>
        c.acts.includes('question') &&
        (live(c, 'ask-know') || (!c.acts.includes('offer') && c.concepts.some((h) => FACT_QUESTION.has(h.id) && !h.negated))),
    ),
  );
  return { playedBack, factQuestions };
}

/** Whether the sentence holding `at` (an offset in the prepared text) plays back the customer's account, or its clause does as a statement. */
export function playedBackAt(analysis: ReplyAnalysis, at: number): boolean {
  const clause = analysis.clauses.find((c) => at >= c.start && at < c.end);
  return !!clause && (hearing(analysis).playedBack.has(clause.sentence) || statedBackClauses(analysis).has(clause));
}

/** The reply without what it only asks or plays back: the trainee's own moves. */
export function ownMoves(analysis: ReplyAnalysis): ReplyAnalysis {
  const h = hearing(analysis);
  if (!h.playedBack.size && !h.factQuestions.size) return analysis;
  const clauses = analysis.clauses.map((c) =>
    h.playedBack.has(c.sentence) || h.factQuestions.has(c) ? { ...c, concepts: [], numbers: [] } : c,
  );
  return { ...analysis, clauses };
}

/**
 * What the case is about in an analysed text: its concepts other than acts, said or denied ("I don't want to change my
 * number" is about the number as much as "I want to change it").
 */
export function caseConcepts(clauses: Clause[]): Set<string> {
  return new Set(clauses.flatMap((c) => c.concepts.filter((h) => !ACT_CONCEPTS.has(h.id)).map((h) => h.id)));
}

/**
 * How the reply hears the customer out. `customer` is the analysis of the line it answers: a
 * restatement has to be about what the customer said. A reply that insults or threatens hears
 * no one out, whatever it asks.
 */
export function listeningActs(analysis: ReplyAnalysis, customer?: ReplyAnalysis): ListeningActs {
  if (analysis.acts.some((a) => HOSTILE.has(a))) return { question: false, restate: false, confirm: false };
  const h = hearing(analysis);
  // Asking what the customer came for ("有什么可以帮您？", "How can I help?") opens the talk; it gathers no fact yet.
  const question = analysis.clauses.some(
    (c) =>
      c.acts.includes('question') &&
      !c.acts.includes('offer') &&
      !c.acts.includes('confirm') &&
      !live(c, 'agree') &&
      !live(c, 'ask-purpose'),
  );
  const confirm = analysis.clauses.some((c) => c.acts.includes('confirm') || (c.acts.includes('question') && live(c, 'agree')));
  const said = caseConcepts(customer?.clauses ?? []);
  const saidNumbers = new Set((customer?.clauses ?? []).flatMap((c) => c.numbers));
  const sentences = [...new Set(analysis.clauses.map((c) => c.sentence))];
  const lead = PLAY_BACK_LEAD[analysis.locale];
  const restate = sentences.some((s) => {
    const parts = analysis.clauses.filter((c) => c.sentence === s);
    const about = [...caseConcepts(parts)].some((id) => said.has(id));
    // The customer's own figures asked back, and nothing else asked ("You got five?", "就找了您五块？").
    const numbers = parts.flatMap((c) => c.numbers);
    const echoed =
      numbers.length > 0 &&
      numbers.every((n) => saidNumbers.has(n)) &&
      parts.some((c) => c.acts.includes('question')) &&
      !parts.some((c) => c.acts.includes('offer') || c.concepts.some((h) => FACT_QUESTION.has(h.id) && !h.negated));
    // Played back as a question, or said outright ("您的意思是…", "So you're saying…") about what the customer said, in the
    // words that open the sentence past a greeting or a filler ("您好，您是想保留原号码办3G。").
    const opener = parts.find((c) => live(c, 'restate') || !leadsInOnly(c, lead));
    return h.playedBack.has(s)
      ? parts.some((c) => c.acts.includes('restate')) || about
      : (about && !!opener && live(opener, 'restate')) || echoed;
  });
  return { question, restate, confirm };
}

/** How a reply given as text hears out the customer line it answers. */
export function replyListening(reply: string, customer: string, locale: RuleLocale): ListeningActs {
  return listeningActs(analyseReply(reply, locale), customer ? analyseReply(customer, locale) : undefined);
}

/** True when the acts credit listening at all. */
export function listens(acts: ListeningActs | undefined): boolean {
  return !!acts && (acts.question || acts.restate || acts.confirm);
}

/** Acts of courtesy that neither ask nor move the case: a greeting, thanks, a bare yes. */
export const COURTESY_ACTS: ReadonlySet<Act> = new Set<Act>(['greeting', 'thanks', 'affirm']);

/**
 * Every clause of the reply asks, plays back, greets or thanks, or leads into the question that ends
 * its sentence ("您不想换号，主要是担心什么？"): nothing is offered, stated or acknowledged.
 */
export function onlyAsks(analysis: ReplyAnalysis): boolean {
  const h = hearing(analysis);
  const asking = new Set<number>();
  for (const c of analysis.clauses) {
    const last = analysis.clauses.filter((k) => k.sentence === c.sentence).pop();
    if (last === c && c.acts.includes('question') && !c.acts.includes('offer')) asking.add(c.sentence);
  }
  const asks = (c: Clause) => c.acts.includes('question') || c.acts.includes('restate') || h.playedBack.has(c.sentence);
  const leadsIn = (c: Clause) => asking.has(c.sentence) && c.act === 'statement';
  return (
    analysis.clauses.some(asks) && analysis.clauses.every((c) => !c.acts.includes('offer') && (asks(c) || leadsIn(c) || courtesyOnly(c)))
  );
}

/** What kind of reply an analysis shows, as a turn keeps it for the score card. */
export function replyReading(analysis: ReplyAnalysis): ReplyReading {
  return {
    keywordList: analysis.keywordList,
    greetingOnly: greetingOnly(analysis),
    onlyAsks: onlyAsks(analysis),
    refuses: analysis.acts.includes('refusal'),
  };
}

/**
 * A reply that only greets: greetings, thanks, a bare yes or an offer of help, and nothing about
 * the case ("您好，请问有什么可以帮您？", "Hi, how can I help?").
 */
export function greetingOnly(analysis: ReplyAnalysis): boolean {
  const greets = analysis.clauses.some((c) => c.acts.includes('greeting'));
  return (
    greets &&
    caseConcepts(analysis.clauses).size === 0 &&
    analysis.clauses.every(
      (c) => c.numbers.length === 0 && c.acts.every((a) => ['greeting', 'thanks', 'affirm', 'offer', 'question', 'statement'].includes(a)),
    )
  );
}
