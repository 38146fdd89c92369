// How a reply heard the customer out is read once, in the turn: the turn result carries it for the
// coach's note, and the session keeps it for the score card, which credits it as it was recorded.
import { describe, expect, it } from 'vitest';
import { coachPoints, evaluateReply, type ReplyReading } from '../../evaluators/index.ts';
import { endSession, replyToSession, scoreCard, type SessionStateJson } from '../../scenarios/index.ts';
import { MINUTE, play, wrongChange } from './unit-scenario.ts';

const PLAYBACK = 'So you gave me a hundred and I only gave you five back, is that right?';
const OFFER = 'I will count the till right now.';
const NONE = { question: false, restate: false, confirm: false };

type LoggedTurn = { reply: string; listening?: string[] };
const logOf = (session: SessionStateJson) => (session as unknown as { log: LoggedTurn[] }).log;

describe('listening worked out in the turn', () => {
  it('a play-back is read as listening in the turn, and kept with it; an offer is not', () => {
    const s = wrongChange();
    const { session, results } = play(s, [PLAYBACK, OFFER]);
    expect(results[0]!.listening.restate).toBe(true);
    expect(results[0]!.listening.confirm).toBe(true);
    expect(results[1]!.listening).toEqual(NONE);
    const log = logOf(session);
    expect(log[0]!.listening).toEqual(['restate', 'confirm']);
    expect(log[1]!.listening).toEqual([]);
  });

  it('an ended session hears and reads nothing', () => {
    const s = wrongChange();
    const { session } = play(s, [OFFER]);
    const ended = endSession(s, session, 2 * MINUTE, 'abandoned').session;
    const after = replyToSession(s, ended, 'Receipt, till, count, refund.', 3 * MINUTE);
    expect(after.listening).toEqual(NONE);
    expect(after.reading).toEqual({ keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false });
  });
});

describe('what the reply was, read in the turn', () => {
  const KEYWORDS = 'Receipt, till, count, refund.';
  const GREETING = 'Hi there, how can I help you today?';

  it('the turn result says whether the reply was only keywords or only a greeting', () => {
    const s = wrongChange();
    const { results } = play(s, [KEYWORDS, GREETING, OFFER]);
    expect(results.map((r) => r.reading)).toEqual([
      { keywordList: true, greetingOnly: false, onlyAsks: false, refuses: false },
      { keywordList: false, greetingOnly: true, onlyAsks: true, refuses: false },
      { keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false },
    ]);
  });

  it("the coach's note follows the turn's reading, not a second reading of the words", () => {
    const evaluation = evaluateReply(OFFER, { locale: 'en' });
    const note = (reply: string, reading?: ReplyReading) =>
      coachPoints({ reply, customer: '', evaluation, locale: 'en', ...(reading ? { reading } : {}) })[0];
    const keywordsNote = note(KEYWORDS);
    expect(keywordsNote).toMatch(/list of keywords/);
    expect(note(OFFER, { keywordList: true, greetingOnly: false, onlyAsks: false, refuses: false })).toBe(keywordsNote);
    expect(note(KEYWORDS, { keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false })).not.toBe(keywordsNote);
  });

  it('a greeting is not told to acknowledge feelings, as the turn read it', () => {
    const customer = 'You gave me the wrong change and I am furious!';
    const evaluation = evaluateReply(OFFER, { locale: 'en', customer });
    const note = (reading?: ReplyReading) =>
      coachPoints({ reply: OFFER, customer, evaluation, locale: 'en', ...(reading ? { reading } : {}) })[0];
    expect(note()).toMatch(/still upset/);
    expect(note({ keywordList: false, greetingOnly: true, onlyAsks: false, refuses: false })).not.toMatch(/still upset/);
  });
});

describe('the score card credits listening as the turn recorded it', () => {
  const s = wrongChange();
  const { session } = play(s, [OFFER, OFFER]);
  const ended = endSession(s, session, 3 * MINUTE, 'abandoned').session;
  /** The card's interrupting score with the first turn's recorded listening replaced. */
  const listeningScore = (listening: string[] | undefined) => {
    const copy = structuredClone(ended);
    const first = logOf(copy)[0]!;
    if (listening) first.listening = listening;
    else {
      delete first.listening;
      first.reply = 'How much did you give me, a hundred?';
    }
    return scoreCard(s, copy).dimensions.interrupting!;
  };

  it('each recorded act counts, and a turn that recorded none gets no credit', () => {
    const none = listeningScore([]);
    for (const act of ['question', 'restate', 'confirm']) expect(listeningScore([act]), act).toBe(none + 15);
  });

  it('a turn logged before listening was kept is read from its words', () => {
    expect(listeningScore(undefined)).toBe(listeningScore(['question']));
  });
});

describe('what kind of reply each turn was, kept for the score card', () => {
  const ASKS = 'How much did you give me?';
  const REFUSAL = "No, I can't give you any money back.";

  it('the log keeps the marks that held: keywords, a greeting, only a question, a refusal', () => {
    const s = wrongChange();
    const { session } = play(s, ['Receipt, till, count, refund.', 'Hi there, how can I help you today?', ASKS, REFUSAL, OFFER]);
    expect(logOf(session).map((t) => (t as { reading?: string[] }).reading)).toEqual([
      ['keywordList'],
      ['greetingOnly', 'onlyAsks'],
      ['onlyAsks'],
      ['refuses'],
      [],
    ]);
  });

  const s = wrongChange();
  const ended = endSession(s, play(s, [OFFER, OFFER]).session, 3 * MINUTE, 'abandoned').session;
  /** The card's keyword-list tips with the first turn's recorded reading replaced (undefined: a turn logged before it was kept). */
  const keywordTips = (reading: string[] | undefined, reply = OFFER) => {
    const copy = structuredClone(ended);
    const first = logOf(copy)[0]! as LoggedTurn & { reading?: string[] };
    first.reply = reply;
    if (reading) first.reading = reading;
    else delete first.reading;
    return scoreCard(s, copy)
      .tips.filter((t) => t.rule === 'keyword-list')
      .map((t) => t.turn);
  };

  it('the card takes a keyword list as the turn recorded it, not from a second reading', () => {
    expect(keywordTips([])).toEqual([]);
    expect(keywordTips(['keywordList'])).toEqual([1]);
    expect(keywordTips([], 'Receipt, till, count, refund.')).toEqual([]);
  });

  it('a turn logged before the reading was kept is read from its words', () => {
    expect(keywordTips(undefined, 'Receipt, till, count, refund.')).toEqual([1]);
    expect(keywordTips(undefined)).toEqual([]);
  });
});

describe('the coach takes the turn’s reading of listening', () => {
  const reply = `I'm so sorry about this. ${OFFER}`;
  const points = (listening?: typeof NONE) =>
    coachPoints({
      reply,
      customer: 'You gave me the wrong change!',
      evaluation: evaluateReply(reply, { locale: 'en', customer: 'You gave me the wrong change!' }),
      locale: 'en',
      ...(listening ? { listening } : {}),
    }).join(' ');

  it('credits listening when the turn heard the customer out, whatever the words alone suggest', () => {
    expect(points({ ...NONE, question: true })).toContain('checked the facts');
    expect(points()).not.toContain('checked the facts');
    expect(points(NONE)).not.toContain('checked the facts');
  });
});
