// The coach's note after a practice reply: at most two short points in the trainee's language.
// The first is the costliest problem in this reply (quoting it), or what it did well; the second
// is the next move, in this scenario's own words (the state's hint). Internal ids never appear.
import type { ListeningActs, ReplyEvaluation, ReplyReading, RuleLocale } from '../types.ts';
import { FAULT_KINDS, severity, type FaultKind } from '../session/faults.ts';
import { analyseReply } from '../analysis/analyse.ts';
import { replyListening, listens, replyReading } from '../analysis/listening.ts';

export interface CoachInput {
  reply: string;
  /** The customer line the reply answered. */
  customer: string;
  evaluation: ReplyEvaluation;
  locale: RuleLocale;
  /** The scenario's hint for where the conversation now stands. */
  next?: string;
  /** How the reply heard the customer out, when the caller has worked it out already (the engine's turn result). */
  listening?: ListeningActs;
  /** Whether the reply was only keywords or only a greeting, when the caller has read it already (the turn result). */
  reading?: ReplyReading;
}

const WORDS = {
  'zh-CN': {
    fault: {
      interrupting: '别抢话、别否定顾客',
      jargon: '换成顾客听得懂的话',
      promises: '只承诺自己做得到的',
      provocative: '这句会激怒顾客',
    },
    cutIn: '顾客还没说完,先听完再回应。',
    feelings: '顾客还在气头上,先接住情绪再办事。',
    keywords: '这只是一串关键词,要说成完整的一句话,告诉顾客你要做什么。',
    good: { empathy: '接住了顾客的情绪', problemSolving: '给出了具体的办法', listening: '问清/复述了情况' },
    goodLead: '做得好:',
    next: '下一步:',
    quote: (q: string) => `“${q}”`,
  },
  en: {
    fault: {
      interrupting: "don't talk over or deny the customer",
      jargon: 'say it in words the customer knows',
      promises: 'promise only what you can deliver',
      provocative: 'this will make the customer angrier',
    },
    cutIn: 'The customer had not finished: wait until they have.',
    feelings: 'The customer is still upset: acknowledge that before you act.',
    keywords: 'That is a list of keywords: say it as a sentence that tells the customer what you will do.',
    good: {
      empathy: 'acknowledged how the customer feels',
      problemSolving: 'offered a concrete step',
      listening: 'checked the facts with the customer',
    },
    goodLead: 'Good: ',
    next: 'Next: ',
    quote: (q: string) => `"${q}"`,
  },
} as const;

function short(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function coachPoints(input: CoachInput): string[] {
  const { evaluation: e, locale } = input;
  const w = WORDS[locale];
  const points: string[] = [];
  const faults = e.findings
    .filter((f) => f.polarity === 'bad' && (FAULT_KINDS as readonly string[]).includes(f.evaluator))
    .map((f) => ({ f, cost: severity(f.evaluator as FaultKind, f.rule) }))
    .sort((a, b) => b.cost - a.cost);
  const worst = faults[0]?.f;
  const acts = input.listening ?? replyListening(input.reply, input.customer, locale);
  const reading = input.reading ?? replyReading(analyseReply(input.reply, locale));
  if (worst?.rule === 'cut-in') {
    points.push(w.cutIn);
  } else if (worst) {
    points.push(`${w.quote(short(worst.text || input.reply, 24))} — ${w.fault[worst.evaluator as FaultKind]}`);
  } else if (reading.keywordList) {
    points.push(w.keywords);
  } else if (e.applicable.empathy && !e.detected.empathy && !reading.greetingOnly && !(acts.question && !e.detected.problemSolving)) {
    points.push(w.feelings);
  } else {
    const good: string[] = (['empathy', 'problemSolving'] as const).filter((d) => e.detected[d]).map((d) => w.good[d]);
    if (listens(acts)) good.push(w.good.listening);
    if (good.length) points.push(`${w.goodLead}${good.join(locale === 'en' ? ', ' : '、')}`);
  }
  if (input.next) points.push(`${w.next}${short(input.next, 60)}`);
  return points.slice(0, 2);
}
