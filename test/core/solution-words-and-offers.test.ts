// Problem solving credits a scenario's solution words and an offer the promises list
// finds, each once: words already inside a credited step are not a second step, words
// right beside one are. Through the public entry only.
import { describe, expect, it } from 'vitest';
import type { ReplyContext, ScenarioRules } from '../../evaluators/index.ts';
import { ruleAndWords } from '../support/findings.ts';

const scenario: ScenarioRules = {
  scenarioId: 'x',
  solutionTerms: {
    'zh-CN': ['帮您一起搬', '通知新号码', '看录像'],
    en: ['camera footage', 'CCTV', 'call the owner'],
  },
};
const zh: ReplyContext = { locale: 'zh-CN', customer: '怎么办', scenario };
const en: ReplyContext = { locale: 'en', customer: 'What are you going to do?', scenario };

const credits = (reply: string, context: ReplyContext) => ruleAndWords(reply, context, 'problemSolving');

describe('a scenario’s solution words', () => {
  it('are found in English whatever the case of the reply or of the list', () => {
    expect(credits("Let's check the Camera Footage.", en)).toEqual(["concrete-action:Let's check", 'scenario-solution:Camera Footage']);
    expect(credits("We'll look at the cctv now.", en)).toEqual(["concrete-action:We'll look", 'scenario-solution:cctv']);
  });

  it('count at the very start of the reply', () => {
    expect(credits('帮您一起搬上去吧。', zh)).toEqual(['scenario-solution:帮您一起搬']);
  });

  it('count only where the reply says them', () => {
    expect(credits('我明白您着急。', zh)).toEqual([]);
    expect(credits('I know this is frustrating.', en)).toEqual([]);
  });

  it('inside a step already credited are not credited again', () => {
    // The follow-up step starts on the same word as the solution words.
    expect(credits('We call the owner first.', en)).toEqual(['follow-up:call the owner']);
    // Only one of two steps holds them.
    expect(credits('Let me check the till. We call the owner first.', en)).toEqual([
      'concrete-action:Let me check',
      'follow-up:call the owner',
    ]);
  });

  it('right after a step are a step of their own', () => {
    expect(credits('我们马上安排通知新号码。', zh)).toEqual(['concrete-action:我们马上安排', 'scenario-solution:通知新号码']);
  });
});

describe('an offer the promises list finds', () => {
  it('inside a step already credited is not credited again', () => {
    expect(credits('我马上给您全免了。', zh)).toEqual(['concrete-action:我马上给您全']);
    // It overlaps the first of two steps only.
    expect(credits('明天肯定给您修好，我先登记一下。', zh)).toEqual(['concrete-action:给您修', 'concrete-action:我先登记一下']);
  });

  it('right beside a step or another offer is credited on its own', () => {
    expect(credits('话费全免我马上给您办。', zh)).toEqual(['offer:全免', 'concrete-action:我马上给您办']);
    expect(credits('我保证一分不少退给您。', zh)).toEqual(['offer:我保证', 'offer:一分不少']);
  });

  it('a guarantee counts as one only when it pledges money back', () => {
    expect(credits('我保证全额退款。', zh)).toEqual(['offer:我保证']);
    expect(credits("I guarantee you'll get a refund.", en)).toEqual(['offer:I guarantee']);
    expect(credits('我保证明天一定到。', zh)).toEqual([]);
    expect(credits('I guarantee it will arrive tomorrow.', en)).toEqual([]);
  });
});

describe('a check already made', () => {
  it('is a step when it runs on past a comma into one', () => {
    expect(credits('我查过了。', zh)).toEqual([]);
    expect(credits('我查过了，话费我给您全免了。', zh)).toEqual(['concrete-action:我查过了，话费我给您全']);
  });
});
