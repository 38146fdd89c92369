// Whose words a term is, as the jargon rule reads them: the customer's own (said first),
// the trainee's (said earlier by the trainee, or with no customer line at all), a list
// term written in Latin letters and Chinese kept whole in a Chinese reply, and a
// scenario's own terms, told with plain words and never twice.
import { describe, expect, it } from 'vitest';
import { evaluateReply, type ReplyContext, type ScenarioRules } from '../../evaluators/index.ts';
import { ruleAndWords } from '../support/findings.ts';

/** The words of each jargon finding, in reply order. */
const jargon = (reply: string, context: ReplyContext) => ruleAndWords(reply, context, 'jargon').map((f) => f.split(':')[1]);

describe('whose words a term is', () => {
  it('a term the trainee said earlier is still the trainee’s, not the customer’s', () => {
    const history = [
      { role: 'trainee' as const, text: 'Your APN settings need changing.' },
      { role: 'customer' as const, text: 'What? Just make it work.' },
    ];
    expect(jargon('Reset the APN and restart.', { locale: 'en', customer: 'Just make it work.', history })).toEqual(['APN']);
    const theirs = [{ role: 'customer' as const, text: 'The shop said my APN is wrong.' }];
    expect(jargon('Reset the APN and restart.', { locale: 'en', customer: 'Can you fix it?', history: theirs })).toEqual([]);
  });

  it('with no customer line, every term is the trainee’s', () => {
    expect(jargon('Reset the APN and restart.', { locale: 'en' })).toEqual(['APN']);
    expect(jargon('您的APN要改一下。', { locale: 'zh-CN' })).toEqual(['APN']);
    expect(jargon('您的APN要改一下。', { locale: 'zh-CN', customer: '营业厅说我的APN不对' })).toEqual([]);
  });
});

describe('a list term in Latin letters and Chinese', () => {
  it('is found whole in a Chinese reply', () => {
    for (const reply of ['您的Ki值有问题。', 'Ki值坏了', '这个Ki值要重新设置一下'])
      expect(jargon(reply, { locale: 'zh-CN', customer: '怎么回事' }), reply).toEqual(['Ki值']);
  });
});

describe('a scenario’s own terms', () => {
  const scenario: ScenarioRules = {
    scenarioId: 'x',
    extraJargon: [
      { locale: 'zh-CN', term: '录像回放', plain: '看录像' },
      { locale: 'en', term: 'footage review', plain: 'looking at the recording', note: 'Staff talk for checking the camera.' },
      { locale: 'zh-CN', term: 'WCDMA', plain: '3G网络' },
    ],
  };
  const found = (reply: string, locale: 'zh-CN' | 'en', rules: ScenarioRules = scenario) =>
    evaluateReply(reply, { locale, scenario: rules })
      .findings.filter((f) => f.evaluator === 'jargon')
      .map((f) => ({ rule: f.rule, text: f.text, message: f.message, suggestion: f.suggestion }));

  it('are found wherever the reply says them, each use, with the plain words to say instead', () => {
    const told = {
      rule: 'scenario-term',
      text: '录像回放',
      message: '这是本场景的术语，顾客多半听不懂。',
      suggestion: '换成顾客听得懂的说法。 (可以说: 看录像)',
    };
    expect(found('录像回放我查过了。', 'zh-CN')).toEqual([told]);
    expect(found('我查了录像回放，再查一遍录像回放。', 'zh-CN')).toEqual([told, told]);
    expect(found("I'll do a footage review.", 'en')).toEqual([
      {
        rule: 'scenario-term',
        text: 'footage review',
        message: 'Staff talk for checking the camera.',
        suggestion: 'Say it in words the customer uses. (plain words: looking at the recording)',
      },
    ]);
  });

  it('with no plain words given are told by the suggestion alone', () => {
    const bare: ScenarioRules = { scenarioId: 'z', extraJargon: [{ locale: 'en', term: 'footage review', plain: '' }] };
    expect(found("I'll do a footage review.", 'en', bare).map((f) => f.suggestion)).toEqual(['Say it in words the customer uses.']);
  });

  it('count only in the reply’s own language, and a word the lists name is told once, by the list', () => {
    expect(found('我做了footage review。', 'zh-CN').map((f) => f.rule)).toEqual(['english-in-chinese', 'english-in-chinese']);
    expect(found('您的号不支持WCDMA。', 'zh-CN').map((f) => [f.rule, f.text])).toEqual([['technical-term', 'WCDMA']]);
    expect(found('录像回放和WCDMA都查了。', 'zh-CN').map((f) => [f.rule, f.text])).toEqual([
      ['scenario-term', '录像回放'],
      ['technical-term', 'WCDMA'],
    ]);
  });
});

describe('English in a Chinese reply', () => {
  const found = (reply: string) => ruleAndWords(reply, { locale: 'zh-CN', customer: '怎么回事' }, 'jargon').map((f) => f.replace(':', ' '));

  it('is flagged right beside a listed term, as is the term', () => {
    expect(found('核心网down了。')).toEqual(['technical-term 核心网', 'english-in-chinese down']);
    expect(found('您这个是VPN端口的问题。')).toEqual(['english-in-chinese VPN', 'technical-term 端口']);
  });

  it('leaves model numbers alone: up to three capitals or digits, then digits', () => {
    expect(found('您用的MX4手机不支持。')).toEqual([]);
    expect(found('您用的T8000手机不支持。')).toEqual([]);
    expect(found('您用的MXPRO手机不支持。')).toEqual(['english-in-chinese MXPRO']);
  });

  it('leaves a label the customer is pointed at alone, even at the start of the reply', () => {
    expect(found('标着REF的那一栏填您的手机号。')).toEqual([]);
    expect(found('卡上写着ABC。')).toEqual([]);
    expect(found('REF那一栏填您的手机号。')).toEqual(['english-in-chinese REF']);
  });
});
