// How a whole session counts faults and sympathy on the score card, as a trainer reads
// it: the same words faulted again cost half, only the four kinds of fault are faults,
// and sympathy shown once carries over the next two replies to an upset customer.
import { describe, expect, it } from 'vitest';
import { keyMoment } from '../support/key-moment.ts';
import { buildScoreCard, evaluateReply, type KeyMoment, type RuleLocale, type ScoredTurn } from '../../evaluators/index.ts';

function turns(locale: RuleLocale, pairs: [string, string][]): ScoredTurn[] {
  return pairs.map(([customer, reply], i) => ({
    turn: i + 1,
    customer,
    reply,
    evaluation: evaluateReply(reply, { locale, customer, customerSurname: locale === 'en' ? 'Smith' : '王' }),
  }));
}

const card = (locale: RuleLocale, pairs: [string, string][], keyMoments?: KeyMoment[]) =>
  buildScoreCard(turns(locale, pairs), { scenarioId: 'x', title: 'x', locale, outcome: 'resolved', keyMoments });

/** What a provoking phrase ("take it or leave it") costs sympathy (out of 100). */
const PROVOKING = 30;

/** What an unexplained term costs the session's jargon score (out of 100). */
const TERM = 15;

describe('faults over a session', () => {
  it('the same words faulted again cost half: one habit is not counted as many', () => {
    const again = card('en', [
      ['My internet is down!', 'I will check the APN for you now.'],
      ['Still down!', 'I will check the APN again now.'],
    ]);
    expect(again.dimensions.jargon).toBe(100 - TERM - Math.round(TERM / 2));
    const twoTerms = card('en', [
      ['My internet is down!', 'I will check the APN for you now.'],
      ['Still down!', 'I will check the HLR now.'],
    ]);
    expect(twoTerms.dimensions.jargon).toBe(100 - 2 * TERM);
    expect(again.dimensions.jargon).toBeGreaterThan(twoTerms.dimensions.jargon!);
  });

  it('praise and the wording checks are not faults: a session with nothing wrong has no tips', () => {
    // Sympathy, the customer's name and an own step are praised; "you must" is a command, shown
    // on the card's wording checks but not a fault of the four kinds the tips teach.
    const en = card('en', [
      ['My bill is wrong, I am furious!', 'Mr Smith, sorry about that. When did you first notice the wrong charge?'],
      ['Last Monday.', 'So the charge appeared last Monday, is that right? You must fill in this form, and I will check the charge now.'],
    ]);
    expect(en.tips).toEqual([]);
    expect(en.overall).toBe(100);
    const zh = card('zh-CN', [
      ['我的账单不对，气死我了！', '王先生，非常抱歉。您是什么时候发现多扣的钱？'],
      ['上周一。', '您是说上周一多扣的，对吗？你必须填这张表，我现在就帮您查这笔费用。'],
    ]);
    expect(zh.tips).toEqual([]);
    expect(zh.overall).toBe(100);
  });
});

describe('sympathy over a session', () => {
  const upset = 'I am furious!';

  it('with no sympathy shown to an upset customer, empathy scores nought', () => {
    const none = card('en', [
      [upset, 'Let me check your line now.'],
      [upset, 'Let me check the router now.'],
    ]);
    expect(none.dimensions.empathy).toBe(0);
  });

  it('sympathy shown once carries over the next two replies, not the third', () => {
    // The first upset line weighs 3, each later one 1: the fourth reply is the only one not covered.
    const once = card('en', [
      [upset, "I'm so sorry about this. When did it start?"],
      [upset, 'Let me check your line now.'],
      [upset, 'Let me check the router now.'],
      [upset, 'Let me check the bill now.'],
    ]);
    expect(once.dimensions.empathy).toBe(Math.round((100 * 5) / 6));
  });

  it('sympathy one reply late to the first upset line counts half there', () => {
    const late = card('en', [
      [upset, 'Let me check your line now.'],
      [upset, "I'm so sorry about this, let me check the router now."],
    ]);
    expect(late.dimensions.empathy).toBe(Math.round((100 * (3 * 0.5 + 1)) / 4));
  });
});

describe('sympathy judged by the scenario’s moments', () => {
  // The customer states a fact calmly, so no reply reads emotion; the scenario still puts
  // feelings on the table by declaring a sympathy moment.
  const calm = 'There is an extra charge on my bill.';
  const sympathy = keyMoment('sympathy', 'empathy', { shows: ['empathy'] });
  const apologised = keyMoment('apologised', 'empathy', { words: { 'zh-CN': ['道歉'], en: ['apologise'] } });
  const checked = keyMoment('checked', 'problemSolving', { words: { 'zh-CN': ['查'], en: ['check'] } });
  const sorry = 'Sorry about that, I will check the charge now.';
  const plain = 'I will check the charge now.';

  it('scores the share of sympathy moments met, where no reply read emotion', () => {
    expect(card('en', [[calm, sorry]], [sympathy, checked]).dimensions.empathy).toBe(100);
    expect(card('en', [[calm, plain]], [sympathy, checked]).dimensions.empathy).toBe(0);
    expect(card('en', [[calm, sorry]], [sympathy, apologised]).dimensions.empathy).toBe(50);
  });

  it('leaves sympathy out when the scenario declares no sympathy moment, or only one held over every turn', () => {
    expect(card('en', [[calm, sorry]], [checked]).dimensions.empathy).toBeNull();
    expect(card('en', [[calm, sorry]], [{ ...sympathy, every: true }]).dimensions.empathy).toBeNull();
    expect(card('en', [[calm, sorry]]).dimensions.empathy).toBeNull();
  });

  it('takes off what provoking words cost, as sympathy read from the customer does', () => {
    const provoking = 'Sorry about that. I will check the charge now, take it or leave it.';
    expect(card('en', [[calm, provoking]], [sympathy]).dimensions.empathy).toBe(100 - PROVOKING);
    expect(card('en', [['I am furious!', provoking]]).dimensions.empathy).toBe(100 - PROVOKING);
  });
});

describe('problem solving over a session', () => {
  const bill = 'There is an extra charge on my bill.';
  it('a step the trainee takes or hands on with a follow-up earns more than an alternative offered', () => {
    const owned = card('en', [[bill, 'I will check the charge now.']]).dimensions.problemSolving!;
    const alternative = card('en', [[bill, 'Another option is to pay at the post office.']]).dimensions.problemSolving!;
    expect(owned).toBe(100);
    expect(alternative).toBe(90);
    expect(card('zh-CN', [['我的账单多扣了钱。', '我马上帮您查。']]).dimensions.problemSolving).toBe(100);
  });
});
