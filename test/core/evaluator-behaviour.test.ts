// The evaluators' documented behaviour (docs/evaluators/*.md, docs/architecture.md),
// each as a pair: the reply that shows it and the nearest reply that must not, so
// the test fails when the behaviour is removed. Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply, type Dimension, type Finding, type ReplyContext, type ScenarioRules } from '../../evaluators/index.ts';

const zh = (customer?: string): ReplyContext => ({ locale: 'zh-CN', customer });
const en = (customer?: string): ReplyContext => ({ locale: 'en', customer });
const tw = (customer?: string): ReplyContext => ({ locale: 'zh-TW', customer });

const flags = (reply: string, context: ReplyContext) => evaluateReply(reply, context).detected;
/** What one evaluator or extra check found in a reply, in reply order. */
const findingsOf = (reply: string, context: ReplyContext, evaluator: Finding['evaluator']) =>
  evaluateReply(reply, context).findings.filter((f) => f.evaluator === evaluator);
const rules = (reply: string, context: ReplyContext, d: Dimension) => findingsOf(reply, context, d).map((f) => f.rule);

describe('empathy', () => {
  it('credits understanding, validation, reassurance and apology, naming which', () => {
    const kinds = (reply: string, context: ReplyContext) => [...new Set(rules(reply, context, 'empathy'))];
    expect(kinds('我理解您的心情。', zh('气死我了'))).toEqual(['understanding']);
    expect(kinds('您说得对。', zh('气死我了'))).toEqual(['validation']);
    expect(kinds('您放心。', zh('气死我了'))).toEqual(['reassurance']);
    expect(kinds('非常抱歉。', zh('气死我了'))).toEqual(['apology']);
    expect(kinds('Sorry.', en('This is outrageous!'))).toEqual(['apology']);
    expect(flags('请出示小票。', zh('气死我了')).empathy).toBe(false);
  });

  it('negated sympathy is not sympathy', () => {
    expect(flags('我理解您的意思。', zh('气死我了')).empathy).toBe(true);
    expect(flags('我不理解您的意思。', zh('气死我了')).empathy).toBe(false);
    expect(flags('I understand why you are upset.', en('This is outrageous!')).empathy).toBe(true);
    expect(flags("I don't understand why you are upset.", en('This is outrageous!')).empathy).toBe(false);
  });

  it('sympathy words turned against the customer are not sympathy', () => {
    expect(flags('对不起。', zh('气死我了')).empathy).toBe(true);
    expect(flags('对不起也没用,规定就是规定。', zh('气死我了')).empathy).toBe(false);
    expect(flags('没什么好抱歉的。', zh('气死我了')).empathy).toBe(false);
    expect(flags("I'm not sorry, rules are rules.", en('This is outrageous!')).empathy).toBe(false);
    // Only the words around the sympathy decide: a dismissal elsewhere in the reply takes nothing back.
    const apart = "I'm really sorry about the mix-up. There's nothing to be sorry about on your side, you did everything right.";
    expect(flags(apart, en('This is outrageous!')).empathy).toBe(true);
    expect(flags('非常抱歉让您久等了。您别急着说，慢慢讲。', zh('气死我了')).empathy).toBe(true);
  });

  it('sympathy words quoted from the customer are not the trainee’s sympathy', () => {
    expect(flags('您说“对不起”有什么用,我明白了。', zh('光说对不起有什么用')).empathy).toBe(true);
    expect(flags('您说“对不起”没有用。', zh('光说对不起有什么用')).empathy).toBe(false);
    expect(flags('You said "sorry" is not enough.', en('Sorry is not enough!')).empathy).toBe(false);
  });

  it('applies only when the customer showed emotion or difficulty, or we do not know what they said', () => {
    const upset = evaluateReply('请出示小票。', zh('你们太过分了,气死我了!'));
    expect(upset.applicable.empathy).toBe(true);
    expect(upset.scores.empathy).toBe(40);
    const factual = evaluateReply('请出示小票。', zh('请问营业厅几点关门?'));
    expect(factual.applicable.empathy).toBe(false);
    expect(factual.scores.empathy).toBe(100);
    expect(evaluateReply('请出示小票。', zh()).applicable.empathy).toBe(true);
    expect(evaluateReply('Sorry about that.', en('I am furious')).scores.empathy).toBe(100);
  });
});

describe('interrupting', () => {
  it('a reply while the customer speaks is a cut-in on its first clause and scores 0', () => {
    const r = evaluateReply('好的,我来看看。', { locale: 'zh-CN', interrupted: true });
    expect(r.findings.filter((f) => f.evaluator === 'interrupting').map((f) => [f.rule, f.text])).toEqual([['cut-in', '好的']]);
    expect(r.scores.interrupting).toBe(0);
    expect(evaluateReply('好的,我来看看。', { locale: 'zh-CN', interrupted: false }).detected.interrupting).toBe(false);
  });

  it('shutting the customer down is caught and costs more the more it happens', () => {
    const one = evaluateReply('不可能。', zh('你少找我钱了'));
    expect(one.findings.filter((f) => f.evaluator === 'interrupting').map((f) => f.rule)).toEqual(['flat-denial']);
    expect(one.scores.interrupting).toBe(30);
    expect(evaluateReply('不可能,你先听我说。', zh('你少找我钱了')).scores.interrupting).toBe(15);
    expect(flags("That's impossible.", en('You short-changed me')).interrupting).toBe(true);
  });

  it('不可能 about something other than the customer’s claim is not a denial', () => {
    expect(flags('不可能让您承担损失。', zh('你少找我钱了')).interrupting).toBe(false);
  });

  it('the customer’s own words quoted back are not a denial', () => {
    expect(flags('您说“不可能”,我明白您的意思。', zh('这不可能')).interrupting).toBe(false);
    expect(flags('不可能,我明白您的意思。', zh('这不可能')).interrupting).toBe(true);
  });

  it('disowning the blame is not blaming', () => {
    expect(flags('肯定是您自己数错了。', zh('你少找我钱了')).interrupting).toBe(true);
    expect(flags('我不是说肯定是您自己数错了。', zh('你少找我钱了')).interrupting).toBe(false);
  });

  it('words disowned before they are said are not said, a denial as much as blame', () => {
    expect(flags('不可能，我帮您查一下。', zh('你少找我钱了')).interrupting).toBe(true);
    expect(flags('我没说不可能，我帮您查一下。', zh('你少找我钱了')).interrupting).toBe(false);
    expect(flags("That's impossible, let me check.", en('You short-changed me')).interrupting).toBe(true);
    expect(flags("I'm not saying that's impossible, let me check.", en('You short-changed me')).interrupting).toBe(false);
  });
});

describe('jargon', () => {
  it('an unexplained technical term is flagged with its plain-language replacement', () => {
    const r = evaluateReply('您把APN改一下就行。', zh('我手机上不了网'));
    const f = r.findings.find((x) => x.evaluator === 'jargon');
    expect(f?.text).toBe('APN');
    expect(f?.suggestion).toMatch(/可以说/);
    expect(r.scores.jargon).toBe(70);
  });

  it('a term is not heard inside a longer plain word or across two words', () => {
    expect(flags('我现在调账单出来，一项项给您说。', zh('我的账单不对')).jargon).toBe(false);
    expect(flags('我给您调账处理。', zh('我的账单不对')).jargon).toBe(true);
    expect(flags('代缴点到账本来就慢一点，我马上帮您查。', zh('我交了钱还停机')).jargon).toBe(false);
    expect(flags('钱入账本月就能看到，我马上帮您查。', zh('我交了钱还停机')).jargon).toBe(false);
    expect(flags('钱在您的现金账本里，我马上帮您查。', zh('我交了钱还停机')).jargon).toBe(true);
  });

  it('a term explained in the same reply, before or after, is not jargon', () => {
    expect(flags('您把APN,也就是上网设置,改一下就行。', zh('我手机上不了网')).jargon).toBe(false);
    expect(flags('您把上网设置,也就是APN改一下就行。', zh('我手机上不了网')).jargon).toBe(false);
    expect(flags("Could you give me the IMEI? It's the 15-digit serial number on the box.", en('My phone was stolen')).jargon).toBe(false);
    // Named as the trade calls it, the term's first words of the reply included.
    expect(flags('The so-called APN needs setting on your phone.', en('No internet')).jargon).toBe(false);
    expect(flags('所谓的APN需要在手机里设一下。', zh('我手机上不了网')).jargon).toBe(false);
    expect(flags('所谓APN，您手机里设一下。', zh('我手机上不了网')).jargon).toBe(false);
    // The explanation may come after a comma and a space, as typed in a chat window.
    expect(flags('请报一下IMEI码， 就是包装盒上那串15位数字。', zh('手机丢了')).jargon).toBe(false);
    // An explainer that ends in a mark needs no space after it ("i.e.the…", typed in a hurry).
    expect(flags('Could you read me the IMEI i.e.the number under the battery?', en('My phone was stolen')).jargon).toBe(false);
  });

  it('a term the customer used first is the customer’s word, in this line or earlier ones', () => {
    expect(flags('APN要改一下。', zh('我的APN是不是设置错了?')).jargon).toBe(false);
    expect(flags('APN要改一下。', zh('我手机上不了网')).jargon).toBe(true);
    const history = [{ role: 'customer' as const, text: 'Somebody told me the HLR is down?' }];
    expect(flags('Yes, the HLR is being fixed.', { locale: 'en', customer: 'So?', history }).jargon).toBe(false);
    expect(flags('Yes, the HLR is being fixed.', { locale: 'en', customer: 'So?' }).jargon).toBe(true);
  });

  it('English in a Chinese reply is jargon unless it is an everyday word', () => {
    expect(rules('这个问题我会follow一下。', zh('怎么还没好'), 'jargon')).toEqual(['english-in-chinese']);
    expect(flags('您连一下WiFi试试,4G也行。', zh('怎么还没好')).jargon).toBe(false);
  });

  it('an unknown abbreviation in an English reply is jargon; an everyday one is not', () => {
    expect(flags('The QMS shows your ticket.', en('Any news?')).jargon).toBe(true);
    expect(flags('Your SIM and PIN are fine.', en('Any news?')).jargon).toBe(false);
    expect(flags('You said "QMS", what is that?', en('Any news?')).jargon).toBe(false);
  });

  it('a scenario can add its own terms', () => {
    const scenario: ScenarioRules = { scenarioId: 'x', extraJargon: [{ locale: 'zh-CN', term: '录像回放', plain: '看录像' }] };
    expect(flags('我查了录像回放。', { locale: 'zh-CN', scenario }).jargon).toBe(true);
    expect(flags('我查了录像回放。', { locale: 'zh-CN' }).jargon).toBe(false);
    // Its own word only: found inside two others it is no use of the term.
    const line: ScenarioRules = { scenarioId: 'y', extraJargon: [{ locale: 'zh-CN', term: '外线', plain: '楼外的线路' }] };
    expect(flags('要是外线的问题，今天可能修不完。', { locale: 'zh-CN', scenario: line }).jargon).toBe(true);
    expect(flags('如果是楼外线路的问题，今天可能修不完。', { locale: 'zh-CN', scenario: line }).jargon).toBe(false);
  });
});

describe('provocation', () => {
  it('blaming the customer as a person provokes; naming his long day does not', () => {
    const provokes = (reply: string) =>
      evaluateReply(reply, { locale: 'zh-CN' }).findings.some((f) => f.evaluator === 'provocative' && f.polarity === 'bad');
    expect(provokes('你这人怎么回事，赶紧搬走！')).toBe(true);
    expect(provokes('你这个人怎么回事啊？')).toBe(true);
    expect(provokes('你们累了一整天，我知道。')).toBe(false);
  });

  it('an insult or a threat is named once, with its clause, in the order said', () => {
    const named = (reply: string, locale: 'en' | 'zh-CN' = 'zh-CN') =>
      findingsOf(reply, { locale }, 'provocative').map((f) => [f.rule, f.text]);
    // Read from the reply's acts when no word list holds it; not twice where a list does.
    expect(named('你有病吧。')).toEqual([['insult', '你有病吧']]);
    expect(named('你是不是傻。')).toEqual([['provocative', '你是不是傻']]);
    expect(named('你懂什么，爱买不买。')).toEqual([
      ['insult', '你懂什么'],
      ['provocative', '爱买不买'],
    ]);
    expect(named("Whatever. Keep shouting and I'll call security.", 'en')).toEqual([
      ['provocative', 'Whatever'],
      ['threat', "and I'll call security"],
    ]);
  });
});

/** A scenario whose facts rule out a cash refund, offered in these words. */
const noCashRefund = (patterns: Record<'zh-CN' | 'en', string[]>): ScenarioRules => ({
  scenarioId: 'x',
  forbiddenPromises: [
    {
      id: 'cash-refund',
      fact: 'no-refund',
      patterns,
      note: { 'zh-CN': '不能退现金', en: 'No cash refunds' },
      suggestion: { 'zh-CN': '换货', en: 'Offer an exchange' },
    },
  ],
});

describe('promises', () => {
  it('an absolute guarantee is flagged; a negated one is not', () => {
    expect(rules('我保证明天修好。', zh('什么时候能好'), 'promises')).toContain('absolute-guarantee');
    expect(flags('我不能保证明天修好。', zh('什么时候能好')).promises).toBe(false);
    expect(flags('I guarantee it will be fixed.', en('When?')).promises).toBe(true);
    expect(flags("I can't promise it will be fixed today.", en('When?')).promises).toBe(false);
    // Negated right after: 保证不了, "promise not to", in capitals too.
    expect(flags('这个我保证不了。', zh('什么时候能好')).promises).toBe(false);
    expect(flags('I promise NOT to charge you twice.', en('Will you charge me again?')).promises).toBe(false);
  });

  it('a negation reaches a few words back in its clause, not the whole clause', () => {
    // Four English words back: "can't" three words before the promise takes it back.
    expect(flags("I can't say we will definitely fix it today.", en('When?')).promises).toBe(false);
    // Ten Chinese characters back: 不 at the clause's start is about something else.
    expect(flags('我不太清楚前因后果但是今天一定修好。', zh('修不好')).promises).toBe(true);
  });

  it('effort, hedged times and conditional own actions are not over-promises', () => {
    expect(flags('我一定尽力帮您处理。', zh('什么时候能好')).promises).toBe(false);
    expect(flags('一般24小时内恢复。', zh('什么时候能好')).promises).toBe(false);
    expect(flags('如果确实少找了,我保证把差额退给您。', zh('你少找我钱了')).promises).toBe(false);
    expect(flags('我保证把差额退给您。', zh('你少找我钱了')).promises).toBe(true);
  });

  it('a benefit beyond authority stays one, hedged or not', () => {
    expect(flags('话费我大概能给您全免了。', zh('扣错了钱')).promises).toBe(true);
    expect(flags('一般这种情况话费给您全免。', zh('扣错了钱')).promises).toBe(true);
  });

  it('a ruled-out promise is found at the very start of the reply, and named once', () => {
    const scenario = noCashRefund({ 'zh-CN': ['退现金', '现金', '退现'], en: ['cash'] });
    const named = (reply: string) => findingsOf(reply, { locale: 'zh-CN', scenario }, 'promises').map((f) => f.text);
    expect(named('退现金，没问题。')).toEqual(['退现金']);
    expect(named('我给您退现金。')).toEqual(['退现金']);
    expect(named('退现金，现金也行。')).toEqual(['退现金', '现金']);
  });

  it('a pledge to get back is the trainee’s own step, unless an outcome is pledged with it', () => {
    expect(flags('我保证，我们三点前给您回电话。', zh('什么时候能好')).promises).toBe(false);
    expect(flags('我保证，我们修好了给您回电话。', zh('什么时候能好')).promises).toBe(true);
  });

  it('a hedge inside the promise makes it an estimate; a negated one does not', () => {
    expect(flags('It works within a few minutes.', en('When?')).promises).toBe(true);
    expect(flags('It usually works within a few minutes.', en('When?')).promises).toBe(false);
    expect(flags('It Usually works within a few minutes.', en('When?')).promises).toBe(false);
    expect(flags('以后不可能再扣了。', zh('还会扣吗')).promises).toBe(true);
  });

  it('an outcome stated as already done pledges nothing; the same outcome ahead does', () => {
    expect(flags('快递肯定送到了，您看下门口。', zh('我的快递呢')).promises).toBe(false);
    expect(flags('快递明天肯定送到。', zh('我的快递呢')).promises).toBe(true);
  });

  it('a guarantee quoted from the customer is not the trainee’s', () => {
    expect(flags('您说“保证”明天好,我先查一下。', zh('你们保证过明天好的')).promises).toBe(false);
    expect(flags('我保证明天好,我先查一下。', zh('你们保证过明天好的')).promises).toBe(true);
  });

  it('a quotation that names a plan is the trainee’s own words; beside a longer word ending the same, it is quoted', () => {
    // "on" takes a name; "person" ends with it but is another word.
    expect(flags('You can sign up on "Guaranteed Refund" today.', en('x')).promises).toBe(true);
    expect(flags('And the person "guaranteed a refund today"? Let me check the record.', en('It was supposed to be fixed!')).promises).toBe(
      false,
    );
    // So does a word after it: "plan", but not "planned".
    expect(flags('The "Guaranteed Refund" plan is yours today.', en('x')).promises).toBe(true);
    expect(flags('Was "guaranteed a refund today" planned by the shop? Let me check.', en('x')).promises).toBe(false);
    // Chinese words have no spaces: a Latin word right before 开通 takes nothing from it.
    expect(flags('您在app开通“保证到账”就行。', zh('钱呢')).promises).toBe(true);
    expect(flags('您说“保证到账”就行?', zh('钱呢')).promises).toBe(false);
  });

  it('a promise the scenario’s facts rule out is flagged, and also counts as an offer', () => {
    const scenario = noCashRefund({ 'zh-CN': ['退现金'], en: ['re:cash refund'] });
    const r = evaluateReply('我给您退现金。', { locale: 'zh-CN', scenario });
    expect(r.findings.filter((f) => f.evaluator === 'promises').map((f) => [f.rule, f.text])).toEqual([['facts-rule-out', '退现金']]);
    expect(evaluateReply('I will give you a cash refund.', { locale: 'en', scenario }).detected.promises).toBe(true);
    expect(evaluateReply('我给您退现金。', { locale: 'zh-CN' }).detected.promises).toBe(false);
  });

  it('a ruled-out promise asked about is not made; offered as a question, or after one, it is', () => {
    const scenario = noCashRefund({ 'zh-CN': ['退现金'], en: ['re:cash refund'] });
    const promised = (reply: string, locale: 'zh-CN' | 'en') => evaluateReply(reply, { locale, scenario }).detected.promises;
    // The sentence the words stand in decides, wherever it is in the reply.
    expect(promised('我先查一下。有人答应给您退现金吗？', 'zh-CN')).toBe(false);
    expect(promised('您有小票吗？我给您退现金。', 'zh-CN')).toBe(true);
    expect(promised('Let me check. Did someone promise you a cash refund?', 'en')).toBe(false);
    expect(promised('Can I see the receipt? I will give you a cash refund.', 'en')).toBe(true);
    expect(promised('Cash refund? Who told you that?', 'en')).toBe(false);
    expect(promised('我先查一下。退现金是谁答应您的？', 'zh-CN')).toBe(false);
    // An offer put as a question is still the offer.
    expect(promised('我给您退现金好吗？', 'zh-CN')).toBe(true);
    expect(promised('Shall I give you a cash refund?', 'en')).toBe(true);
  });

  it('a pledge taken back later in the same sentence is not made; in the next sentence it is', () => {
    const scenario: ScenarioRules = {
      scenarioId: 'x',
      forbiddenPromises: [
        {
          id: 'fixed-today',
          fact: 'not-guaranteed',
          patterns: { 'zh-CN': ['今天一定修好'], en: ['re:fixed today for sure'] },
          note: { 'zh-CN': '不能保证', en: 'Not guaranteed' },
          suggestion: { 'zh-CN': '约时段', en: 'Book a slot' },
        },
      ],
    };
    const promised = (reply: string, locale: 'zh-CN' | 'en' = 'zh-CN') => evaluateReply(reply, { locale, scenario }).detected.promises;
    expect(promised('今天一定修好这个我不敢打包票。')).toBe(false);
    expect(promised('今天一定修好，这一点我保证不了。')).toBe(false);
    expect(promised('今天一定修好。')).toBe(true);
    expect(promised('今天一定修好。别的我不敢打包票。')).toBe(true);
    expect(promised('今天一定修好！别的我不敢打包票。')).toBe(true);
    expect(promised('今天一定修好；别的我不敢打包票。')).toBe(true);
    expect(promised("It'll be fixed today for sure. I can't promise anything else.", 'en')).toBe(true);
    expect(promised("It'll be fixed today for sure, but I can't promise that.", 'en')).toBe(false);
    expect(promised("It'll be fixed today for sure.", 'en')).toBe(true);
    expect(flags('我们肯定没问题，这个我不敢保证。', zh('能好吗')).promises).toBe(false);
    expect(flags('我们肯定没问题。', zh('能好吗')).promises).toBe(true);
  });
});

describe('problem solving', () => {
  it('credits a concrete own action; ownership with a time scores above a vaguer offer', () => {
    const own = evaluateReply('我马上帮您查一下。', zh('我的话费怎么扣了'));
    expect(own.detected.problemSolving).toBe(true);
    expect(own.scores.problemSolving).toBe(100);
    expect(evaluateReply('请出示小票。', zh('我的话费怎么扣了')).scores.problemSolving).toBe(20);
  });

  it('questions, sympathy, refusals and sending the customer elsewhere are not solutions', () => {
    for (const reply of ['您是什么时候交的费?', '我理解您的心情。', '规定就是规定。', '您去找物业经理吧。'])
      expect(flags(reply, zh('怎么回事')).problemSolving, reply).toBe(false);
    expect(flags('Policy is policy.', en('Fix it!')).problemSolving).toBe(false);
    expect(flags('Let me recount the till now.', en('Fix it!')).problemSolving).toBe(true);
  });

  it('a remedy told as already done is credited as a step taken, not as a hand-over', () => {
    for (const [reply, words] of [
      ["Found the issue, it's fixed, a test text is on its way.", "it's fixed"],
      ['The charge has been reversed.', 'has been reversed'],
    ] as const) {
      const [step] = findingsOf(reply, en('Fix it!'), 'problemSolving');
      expect(step, reply).toMatchObject({ rule: 'concrete-action', text: words });
      expect(step!.message).not.toMatch(/follow-up|authority/);
    }
  });

  it('an offer beyond authority is still an offer (and an over-promise)', () => {
    const r = evaluateReply('话费我给您全免了。', zh('扣错了钱'));
    expect(r.detected.promises).toBe(true);
    expect(r.detected.problemSolving).toBe(true);
  });

  it('an offer and a scenario’s solution explain themselves in the reply’s language', () => {
    const scenario: ScenarioRules = { scenarioId: 'x', solutionTerms: { 'zh-CN': ['看录像'], en: ['camera footage'] } };
    const credit = (reply: string, context: ReplyContext, rule: string) =>
      evaluateReply(reply, context).findings.find((f) => f.evaluator === 'problemSolving' && f.rule === rule);
    expect(credit('一般这种情况话费给您全免。', zh('扣错了钱'), 'offer')?.message).toBe('提出了解决办法;能不能做到,另在"承诺"一项评判。');
    expect(credit('It will definitely arrive tomorrow, the refund', en('Where is my money?'), 'offer')?.message).toBe(
      'An offer to solve the problem; whether it can be kept is judged under promises.',
    );
    expect(credit('咱们看录像。', { locale: 'zh-CN', scenario }, 'scenario-solution')).toMatchObject({
      text: '看录像',
      message: '这是解决本场景问题的办法。',
      suggestion: '说清楚什么时候做。',
    });
    expect(credit("Let's check the camera footage.", { locale: 'en', scenario }, 'scenario-solution')).toMatchObject({
      text: 'camera footage',
      message: 'A step that solves this scenario’s problem.',
      suggestion: 'Say when you will do it.',
    });
  });

  it('a scenario’s solution words count only as the trainee’s own step', () => {
    const scenario: ScenarioRules = { scenarioId: 'x', solutionTerms: { 'zh-CN': ['看录像'], en: ['camera footage'] } };
    expect(flags('咱们看录像。', { locale: 'zh-CN', scenario }).problemSolving).toBe(true);
    expect(flags('看录像要经理同意。', { locale: 'zh-CN', scenario }).problemSolving).toBe(false);
    expect(flags('咱们看录像。', { locale: 'zh-CN' }).problemSolving).toBe(false);
  });

  it('a short quotation naming a product is the trainee’s own words; words someone said are not', () => {
    expect(flags('用“由你商务助理”把通讯录导进去。', zh('换号太麻烦')).problemSolving).toBe(true);
    expect(flags('咱们有个「商务助理」业务。', zh('换号太麻烦')).problemSolving).toBe(true);
    expect(flags('您说“商务助理”不好用。', zh('换号太麻烦')).problemSolving).toBe(false);
    expect(flags('Your contacts all hear at once with the "Business Assistant" plan.', en('Too much hassle')).problemSolving).toBe(true);
    expect(flags('Your contacts all hear at once if you use ‘Business Assistant’.', en('Too much hassle')).problemSolving).toBe(true);
    expect(flags('You said the "Business Assistant" was no use.', en('Too much hassle')).problemSolving).toBe(false);
  });

  it('a tag question ends at its comma: what follows is said, not asked', () => {
    const due = zh('你们什么时候拉走');
    expect(flags('今天周三是吧，您放心，明天一早我们就拉走。', due).problemSolving).toBe(true);
    expect(flags('今天周三对吧，周五晚上保证给您送回来。', due).promises).toBe(true);
    // So does any other mark inside the sentence: a dash, a space typed for the comma between two Chinese words.
    expect(flags('今天周三是吧——您放心，明天一早我们就拉走。', due).problemSolving).toBe(true);
    expect(flags('今天周三是吧 您放心 明天一早我们就拉走', due).problemSolving).toBe(true);
    expect(flags('今天周三对吧 周五晚上保证给您送回来', due).promises).toBe(true);
    expect(flags('您是说明天一早我们就拉走，是吧？', due).problemSolving).toBe(false);
  });

  it('money back pledged as certain is an offer within its own sentence only', () => {
    const offers = (reply: string, locale: 'zh-CN' | 'en') =>
      flags(reply, locale === 'en' ? en('Where is my money?') : zh('钱呢')).problemSolving;
    // The remedy named in another clause of the same sentence, before or after, even with no full stop.
    expect(offers('It will definitely arrive tomorrow, the refund', 'en')).toBe(true);
    expect(offers('It will definitely arrive by 3.30, the refund.', 'en')).toBe(true);
    expect(offers('明天肯定到，退款', 'zh-CN')).toBe(true);
    // Named in a sentence before or after, it is news about the refund, and the pledge a forecast.
    expect(offers('The refund went through last week. It will definitely arrive tomorrow.', 'en')).toBe(false);
    expect(offers('Sorry. The refund went through. It will definitely arrive tomorrow.', 'en')).toBe(false);
    expect(offers('The refund went through last week. So it will definitely arrive tomorrow.', 'en')).toBe(false);
    expect(offers('Refund done? It will definitely arrive tomorrow.', 'en')).toBe(false);
    expect(offers('It will definitely arrive. The refund was last week.', 'en')).toBe(false);
    expect(offers('退款上周就办了。明天肯定到。', 'zh-CN')).toBe(false);
    expect(offers('退款办好了吗？明天肯定到。', 'zh-CN')).toBe(false);
    expect(offers('退款办好了！明天肯定到。', 'zh-CN')).toBe(false);
    expect(offers('明天肯定到。退款上周就办了。', 'zh-CN')).toBe(false);
  });

  it('a check told with what it found is no step; run on into a step, it is one', () => {
    expect(flags('我查了一下。', zh('钱呢')).problemSolving).toBe(false);
    expect(flags('我查了，马上给您处理。', zh('钱呢')).problemSolving).toBe(true);
    expect(flags('我查过了，明天给您回电话。', zh('钱呢')).problemSolving).toBe(true);
  });

  it('a refusal takes back the step in its own sentence only', () => {
    expect(flags('我不能退钱。我马上帮您查一下。', zh('钱呢')).problemSolving).toBe(true);
    expect(flags("I can't refund you. Let me check the till now.", en('Where is my money?')).problemSolving).toBe(true);
  });

  it('a service slogan is no step', () => {
    expect(flags('我们一定竭诚为您服务。', zh('怎么回事')).problemSolving).toBe(false);
    expect(flags('我们一定马上为您查。', zh('怎么回事')).problemSolving).toBe(true);
  });
});

describe('traditional Chinese input', () => {
  it('is scored with the zh-CN rules, and findings point at the trainee’s own characters', () => {
    const reply = '您好,我保證明天一定修好。';
    const r = evaluateReply(reply, tw('什麼時候能好'));
    const f = r.findings.find((x) => x.evaluator === 'promises');
    expect(f?.text).toBe('我保證');
    expect(f?.span).toEqual([3, 6]);
    expect(r.detected).toEqual(evaluateReply('您好,我保证明天一定修好。', zh('什么时候能好')).detected);
  });

  it('traditional customer words are the customer’s own too', () => {
    expect(flags('APN要改一下。', tw('我的APN是不是設定錯了?')).jargon).toBe(false);
  });

  it('Taiwanese vocabulary is read as its mainland word (phrase-level conversion)', () => {
    // 簡訊 is 短信 on the mainland; a character-level converter gives 简讯, which no list knows.
    expect(flags('可以群發簡訊通知大家。', tw('聯絡人太多了')).problemSolving).toBe(true);
    expect(flags('可以群發訊息通知大家。', tw('聯絡人太多了')).problemSolving).toBe(false);
  });
});

describe('extra checks for the score card', () => {
  it('addressing by surname counts once the surname is known', () => {
    const known = evaluateReply('王女士,您好。', { locale: 'zh-CN', customerSurname: '王' });
    expect(known.findings.map((f) => [f.evaluator, f.text])).toContainEqual(['addressing', '王女士']);
    expect(evaluateReply('王女士,您好。', { locale: 'zh-CN' }).findings.some((f) => f.evaluator === 'addressing')).toBe(false);
    expect(
      evaluateReply('Mrs Wang, hello.', { locale: 'en', customerSurname: 'Wang' }).findings.some((f) => f.evaluator === 'addressing'),
    ).toBe(true);
  });

  it('the surname credit explains itself in the reply’s language and suggests nothing', () => {
    const credit = (reply: string, locale: 'en' | 'zh-CN') =>
      evaluateReply(reply, { locale, customerSurname: locale === 'en' ? 'Wang' : '王' }).findings.find((f) => f.evaluator === 'addressing');
    expect(credit('Mrs Wang, hello.', 'en')).toMatchObject({
      rule: 'by-surname',
      message: 'Using the surname shows respect.',
      suggestion: '',
    });
    expect(credit('王女士,您好。', 'zh-CN')).toMatchObject({ message: '用姓氏称呼,顾客感到被尊重。', suggestion: '' });
  });

  it("an indignant question puts the customer's feelings on the table, so sympathy is due", () => {
    const due = (customer: string, locale: 'en' | 'zh-CN') => evaluateReply('OK.', { locale, customer }).applicable.empathy;
    expect(due('Two days old. What kind of quality is this?', 'en')).toBe(true);
    expect(due('What sort of service do you call this?', 'en')).toBe(true);
    expect(due('All I want is a phone that works. Is that too much to ask?', 'en')).toBe(true);
    expect(due('It is a brand new fridge and it leaks.', 'en')).toBe(true);
    expect(due('My order number is 4471.', 'en')).toBe(false);
    expect(due('这叫什么服务', 'zh-CN')).toBe(true);
    expect(due('新买的洗衣机就漏水', 'zh-CN')).toBe(true);
    expect(due('我的订单号是4471', 'zh-CN')).toBe(false);
  });

  it('a command is flagged; a play-back or a request with the same words is not', () => {
    const wording = (reply: string, context: ReplyContext) => findingsOf(reply, context, 'requestWording').map((f) => f.polarity);
    expect(wording('您给我把小票拿出来。', zh())).toContain('bad');
    expect(wording('您是说您给我的是一百，对吗？', zh())).not.toContain('bad');
    expect(wording('您是說您給我的是一百元，對嗎？', tw())).not.toContain('bad');
    expect(wording('麻烦您给我看一下小票，好吗？', zh())).not.toContain('bad');
    expect(wording('您得到通知了吗？', zh())).not.toContain('bad');
    expect(wording('You must show me the receipt.', en())).toContain('bad');
    expect(wording('You must have been worried sick.', en())).not.toContain('bad');
    expect(wording('You must feel let down.', en())).not.toContain('bad');
    expect(wording("That's frustrating when you need to pay a bill.", en())).not.toContain('bad');
    expect(wording('If you have to travel, the plan still works.', en())).not.toContain('bad');
    expect(wording("I know it's a pain, because you've got to get there early.", en())).not.toContain('bad');
    expect(wording('You need to bring the invoice.', en())).toContain('bad');
    expect(wording('Next, you have to sign here.', en())).toContain('bad');
  });
});

describe('the language techniques beside the five flags', () => {
  const extras = (reply: string, context: ReplyContext) =>
    evaluateReply(reply, context)
      .findings.filter((f) => ['requestWording', 'positiveWording', 'provocative'].includes(f.evaluator))
      .map((f) => `${f.evaluator}/${f.polarity} "${f.text}"`);

  it('a polite request is credited, but not one the reply says it will not make', () => {
    expect(extras('Could you please wait a moment?', en())).toEqual(['requestWording/good "Could you please"']);
    expect(extras("I won't ask: could you please wait.", en())).toEqual([]);
  });

  it('provoking words count even when the reply denies them: the customer still hears them', () => {
    expect(extras("Don't tell me to calm down.", en())).toEqual(['provocative/bad "calm down"']);
    expect(extras('I never said calm down.', en())).toEqual(['provocative/bad "calm down"']);
  });
});
