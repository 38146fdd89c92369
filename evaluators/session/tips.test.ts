// The score card's tips as a trainee reads them: which come first, what each quotes,
// and the better phrasing each suggests.
import { describe, expect, it } from 'vitest';
import { buildScoreCard, evaluateReply } from '../index.ts';
import type { KeyMoment, RuleLocale, ScenarioRules, ScoredTurn, ScoreCardTip } from '../types.ts';
import { keyMoment } from '../../test/support/key-moment.ts';

const UPSET = { 'zh-CN': '气死我了，你们怎么搞的！', en: 'I am furious, what have you done!' };

function tips(
  locale: RuleLocale,
  replies: string[],
  options: { keyMoments?: KeyMoment[]; scenario?: ScenarioRules; customerSurname?: string } = {},
): ScoreCardTip[] {
  const turns: ScoredTurn[] = replies.map((reply, i) => ({
    turn: i + 1,
    customer: UPSET[locale],
    reply,
    evaluation: evaluateReply(reply, {
      locale,
      customer: UPSET[locale],
      scenario: options.scenario,
      customerSurname: options.customerSurname,
    }),
  }));
  return buildScoreCard(turns, { scenarioId: 'x', title: 'x', locale, outcome: 'resolved', keyMoments: options.keyMoments }).tips;
}

/** Two questions that hear the customer out, so no listening tip joins the others. */
const HEARD = { en: ['When did it start?', 'Where did you buy it?'], 'zh-CN': ['什么时候开始的？', '在哪里买的？'] };

describe('a tip’s quote', () => {
  it('is the reply on one line, cut at forty characters', () => {
    const long = 'Receipt,  till,\ncount, refund, cashier, drawer, manager, camera.';
    const [tip] = tips('en', [...HEARD.en, ` ${long} `]).filter((t) => t.rule === 'keyword-list');
    expect(tip).toMatchObject({ turn: 3, quote: `${long.replace(/\s+/g, ' ').slice(0, 40)}…` });
    const forty = 'Receipt, till, count, refund, drawer, ok';
    expect(forty).toHaveLength(40);
    expect(tips('en', [...HEARD.en, forty]).find((t) => t.rule === 'keyword-list')?.quote).toBe(forty);
  });

  it('of a keyword list is that reply; of a pasted sympathy, the sympathy words of the third reply', () => {
    const listed = tips('en', ['When did it start? I will check the line now.', 'Receipt, till, count, refund.', 'Where did you buy it?']);
    expect(listed.find((t) => t.rule === 'keyword-list')).toMatchObject({ turn: 2, quote: 'Receipt, till, count, refund.' });
    const pasted = tips(
      'en',
      ['Mr Smith, sorry for the inconvenience.', 'Mr Smith, apologies for any trouble.', 'Mr Smith, I do apologise.'],
      {
        customerSurname: 'Smith',
      },
    );
    expect(pasted.find((t) => t.rule === 'pasted-empathy')).toMatchObject({ turn: 3, quote: 'I do apologise' });
  });

  it('of a missed moment is empty when no reply said anything of the trainee’s own', () => {
    const missed = tips('en', HEARD.en, {
      keyMoments: [keyMoment('refund', 'problemSolving', { words: { 'zh-CN': ['退'], en: ['refund'] } })],
    });
    expect(missed.find((t) => t.rule === 'moment:refund')).toMatchObject({ turn: 0, quote: '' });
  });

  it('of a missed moment is not a reply ticked for another moment, unless that one is held over every turn', () => {
    const checked = keyMoment('checked', 'problemSolving', { words: { 'zh-CN': ['查'], en: ['check'] } });
    const refund = keyMoment('refund', 'problemSolving', { words: { 'zh-CN': ['退'], en: ['refund'] } });
    const replies = ['I will test the line now.', 'I will check the bill now.'];
    expect(tips('en', replies, { keyMoments: [checked, refund] }).find((t) => t.rule === 'moment:refund')?.turn).toBe(1);
    const always = keyMoment('always', 'interrupting', { avoids: ['jargon'] }, { every: true });
    expect(tips('en', replies, { keyMoments: [always, refund] }).find((t) => t.rule === 'moment:refund')?.turn).toBe(2);
  });
});

describe('a tip’s suggestion', () => {
  it('for jargon, says to use plain words, then this scenario’s phrasing of what to do', () => {
    const fix = keyMoment('fix', 'problemSolving', { words: { 'zh-CN': ['修'], en: ['fix'] } });
    const en = tips('en', [...HEARD.en, 'I will reset the APN now.'], { keyMoments: [fix] }).find((t) => t.dimension === 'jargon');
    expect(en?.suggestion).toBe('Say what you will do in words the customer uses. In this scenario, for example: "Example fix"');
    const zh = tips('zh-CN', [...HEARD['zh-CN'], '我现在给您重设APN。'], { keyMoments: [fix] }).find((t) => t.dimension === 'jargon');
    expect(zh?.suggestion).toBe('用顾客听得懂的话说出你要做什么。本场景可以这样说:"示范fix"');
    const bare = tips('en', [...HEARD.en, 'I will reset the APN now.']).find((t) => t.dimension === 'jargon');
    expect(bare?.suggestion).toBe('Say what you will do in words the customer uses.');
  });

  it('for another fault, this scenario’s phrasing, else the rule’s own advice', () => {
    const denial = 'That is impossible, I will check the line now.';
    const [plain] = tips('en', [...HEARD.en, denial]).filter((t) => t.dimension === 'interrupting');
    const finding = evaluateReply(denial, { locale: 'en' }).findings.find((f) => f.evaluator === 'interrupting');
    expect(plain?.suggestion).toBe(finding?.suggestion);
    const calm = keyMoment('calm', 'interrupting', { avoids: ['interrupting'] }, { every: true });
    expect(tips('en', [...HEARD.en, denial], { keyMoments: [calm] }).find((t) => t.rule === 'flat-denial')?.suggestion).toBe(
      'In this scenario, for example: "Example calm"',
    );
  });

  it('for a promise the scenario’s facts rule out, the scenario’s own correction', () => {
    const scenario: ScenarioRules = {
      scenarioId: 'x',
      forbiddenPromises: [
        {
          id: 'cash',
          fact: 'no-cash',
          patterns: { 'zh-CN': ['退现金'], en: ['cash refund'] },
          note: { 'zh-CN': '不能退现金', en: 'No cash refunds here' },
          suggestion: { 'zh-CN': '可以给您换货。', en: 'Offer an exchange instead.' },
        },
      ],
    };
    const promises = keyMoment('promise', 'promises', { avoids: ['promises'] }, { every: true });
    const tip = tips('en', [...HEARD.en, 'I will give you a cash refund now.'], { scenario, keyMoments: [promises] }).find(
      (t) => t.rule === 'facts-rule-out',
    );
    expect(tip?.suggestion).toBe('Offer an exchange instead.');
  });
});

describe('the order of the tips', () => {
  it('puts the costliest first: a provoking phrase, then a promise, then a flat denial, the earlier of two', () => {
    const order = tips('en', [
      'When did it start? Take it or leave it.',
      'Where did you buy it? I guarantee it will be fixed today.',
      'No way, I will check the router now.',
      'That is impossible, I will check the line now.',
    ]);
    expect(order.map((t) => [t.dimension, t.turn])).toEqual([
      ['provocative', 1],
      ['promises', 2],
      ['interrupting', 3],
    ]);
  });

  it('puts a missed moment above a promise', () => {
    const refund = keyMoment('refund', 'problemSolving', { words: { 'zh-CN': ['退'], en: ['refund'] } });
    const order = tips('en', [...HEARD.en, 'I guarantee it will be fixed today.'], { keyMoments: [refund] }).map((t) => t.rule);
    expect(order.slice(0, 2)).toEqual(['moment:refund', expect.any(String)]);
    expect(order[1]).not.toMatch(/^moment:/);
  });

  it('puts a pasted sympathy line above an unexplained term', () => {
    const order = tips('en', [
      "I'm sorry. When did it start?",
      "I'm sorry. Where did you buy it?",
      "I'm sorry. I will reset the APN now.",
    ]).map((t) => t.rule);
    expect(order).toEqual(['pasted-empathy', 'technical-term']);
  });

  it('gives at most three, one of each kind first, then the next costliest, in order of cost and reply', () => {
    const four = tips('en', [
      'When did it start? Take it or leave it.',
      'Where did you buy it? I guarantee it will be fixed today.',
      'That is impossible, I will check the line now.',
      'I will reset the APN now.',
    ]);
    expect(four.map((t) => t.dimension)).toEqual(['provocative', 'promises', 'interrupting']);
    const denials = tips('en', [
      ...HEARD.en,
      'That is impossible, I will check the line now.',
      'I will reset the APN now.',
      'No way, I will check the router now.',
    ]);
    expect(denials.map((t) => [t.dimension, t.turn])).toEqual([
      ['interrupting', 3],
      ['interrupting', 5],
      ['jargon', 4],
    ]);
  });

  it('never gives two tips on the same words of the same reply, but shows a habit again in a later reply', () => {
    const moved = keyMoment('moved', 'interrupting', { words: { 'zh-CN': ['理解'], en: ['understand'] } });
    const same = tips('en', [...HEARD.en, 'That is impossible', 'I will reset the APN now.'], { keyMoments: [moved] });
    expect(same.map((t) => [t.rule, t.quote])).toEqual([
      ['moment:moved', 'That is impossible'],
      ['technical-term', 'APN'],
    ]);
    const denial = 'That is impossible, I will check the line now.';
    const habit = tips('en', [denial, denial, denial]);
    expect(habit.map((t) => [t.rule, t.turn])).toEqual([
      ['flat-denial', 1],
      ['no-listening', 0],
      ['flat-denial', 2],
    ]);
  });

  it('puts two pasted sympathy lines above a claim never to err', () => {
    const order = tips('en', [
      "I'm sorry. When did it start?",
      "I'm sorry. Where did you buy it?",
      "I'm sorry. I will check the line now.",
      "I'm sorry. We never make mistakes, I will check the bill.",
    ]).map((t) => t.rule);
    expect(order).toEqual(['pasted-empathy', 'never-wrong']);
  });
});

describe('the listening tip', () => {
  it('is left out when a missed moment about listening already says so, and only then', () => {
    const listened = keyMoment('listened', 'interrupting', { shows: ['listening'] });
    const other = keyMoment('other', 'interrupting', { words: { 'zh-CN': ['理解'], en: ['understand'] } });
    const step = 'I will check the line now.';
    expect(tips('en', [step], { keyMoments: [listened] }).map((t) => t.rule)).toEqual(['moment:listened']);
    expect(tips('en', [step], { keyMoments: [other] }).map((t) => t.rule)).toEqual(['moment:other', 'no-listening']);
    // A moment about listening that was met says nothing: the card still asks for one more check.
    expect(tips('en', ['When did it start?', 'I will reset the APN now.'], { keyMoments: [listened] }).map((t) => t.rule)).toEqual([
      'technical-term',
      'more-listening',
    ]);
  });
});
