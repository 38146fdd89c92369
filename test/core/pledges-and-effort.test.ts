// Where a pledge is read as an over-promise and where not: effort pledged, an outcome
// stated as already done, a call-back pledged, and a scenario's ruled-out promise named
// by two of its patterns at once. Through the public entry only.
import { describe, expect, it } from 'vitest';
import type { ReplyContext } from '../../evaluators/index.ts';
import { ruleAndWords } from '../support/findings.ts';

const zh: ReplyContext = { locale: 'zh-CN', customer: '到底什么时候能好?' };
const en: ReplyContext = { locale: 'en', customer: 'When will it work?' };

const promised = (reply: string, context: ReplyContext) => ruleAndWords(reply, context, 'promises');

describe('a pledge of effort', () => {
  it('is no over-promise, with a subject between the pledge and the effort in English', () => {
    expect(promised('我保证尽力。', zh)).toEqual([]);
    expect(promised('我保证会尽最大努力。', zh)).toEqual([]);
    // Effort said inside the promise's own words, or in the clause a pledge word closes its own before.
    expect(promised('一定尽快给您修好。', zh)).toEqual([]);
    expect(promised('我保证，尽力给您办。', zh)).toEqual([]);
    expect(promised("I promise, we'll do everything we can.", en)).toEqual([]);
    expect(promised("I promise I'll do my best.", en)).toEqual([]);
    expect(promised("I promise we'll do everything we can.", en)).toEqual([]);
    // The word list writes "I" as it is spelt; the reply is read in lower case.
    expect(promised('I promise I will do everything I can.', en)).toEqual([]);
  });

  it('is still one when an outcome comes first, in another clause or past a joining word', () => {
    expect(promised('我保证一定修好。', zh)).toEqual(['absolute-guarantee:我保证']);
    expect(promised('明天肯定修好，我尽力。', zh)).toEqual(['certain-outcome:肯定修好']);
    expect(promised('It will definitely be fixed, we’ll do our best.', en)).toEqual(['certain-outcome:It will definitely be']);
    expect(promised('I guarantee it will be fixed today if you try again.', en)).toEqual([
      'absolute-guarantee:I guarantee',
      'unrealistic-deadline:it will be fixed today',
    ]);
  });
});

describe('an outcome stated as already done', () => {
  it('pledges nothing, whatever the next sentence says about tomorrow', () => {
    expect(promised('肯定送到了，明天我再给您打个电话。', zh)).toEqual([]);
    expect(promised('明天肯定送到。', zh)).toEqual(['certain-outcome:肯定送到']);
  });
});

describe('a pledge to call back', () => {
  it('is the trainee’s own step in a clause of up to 24 characters; a longer one commits others', () => {
    // 我们客服部门同事今天下午三点之前一定给您回个电话: 24 characters.
    expect(promised('我保证，我们客服部门同事今天下午三点之前一定给您回个电话。', zh)).toEqual([]);
    expect(promised('我保证，我们客服部门的同事今天下午三点之前一定给您回个电话。', zh)).toEqual(['absolute-guarantee:我保证']);
  });
});

describe('a ruled-out promise named by two patterns', () => {
  it('is one finding where one pattern’s words hold the other’s, two where they only overlap', () => {
    const context = (patterns: string[]): ReplyContext => ({
      locale: 'zh-CN',
      customer: '我要退钱',
      scenario: {
        scenarioId: 'x',
        forbiddenPromises: [
          {
            id: 'cash-refund',
            fact: 'no-refund',
            patterns: { 'zh-CN': patterns, en: [] },
            note: { 'zh-CN': '不能退现金', en: 'No cash refunds' },
            suggestion: { 'zh-CN': '换货', en: 'Offer an exchange' },
          },
        ],
      },
    });
    const reply = '行，现金退给您。';
    expect(promised(reply, context(['现金退给您', 're:现金退给您']))).toEqual(['facts-rule-out:现金退给您']);
    expect(promised(reply, context(['现金退给您', 're:现金退']))).toEqual(['facts-rule-out:现金退给您']);
    expect(promised(reply, context(['现金退给您', 're:退给您']))).toEqual(['facts-rule-out:现金退给您']);
    expect(promised(reply, context(['现金退', 're:退给您']))).toEqual(['facts-rule-out:现金退', 'facts-rule-out:退给您']);
  });
});
