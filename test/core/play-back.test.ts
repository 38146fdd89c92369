// A play-back closed by a confirm tag ("So the lorry got here at eleven, right?", 「材料车十一点才到，对吧？」)
// restates the customer's account whatever its words, and the customer confirms it instead of
// taking it for small talk; soothing, the trainee's own doing, a reproach or chat before the tag
// stays what it is. And a question asked in two sentences is weighed in each of them.
import { describe, expect, it } from 'vitest';
import { analyseReply, evaluateReply, listeningActs } from '../../evaluators/index.ts';
import { loadLibrary, replyToSession, scenarioRules, startSession, type Scenario } from '../../scenarios/index.ts';

const library = loadLibrary().scenarios;

/** The acts of each clause, in order. */
const acts = (reply: string, locale: 'en' | 'zh-CN' = 'en') => analyseReply(reply, locale).clauses.map((c) => c.acts.join('+'));

function answer(scenario: Scenario | string, reply: string, locale: 'en' | 'zh-CN' = 'en') {
  const s = typeof scenario === 'string' ? library.get(scenario)! : scenario;
  const { session } = startSession(s, { locale, seed: 1, now: 0 });
  const r = replyToSession(s, session, reply, 60_000);
  return { question: r.understanding?.question, listening: r.listening, anger: [session.anger, r.session.anger] };
}

describe('a statement closed by a confirm tag plays the account back', () => {
  it('restates, in either language, even when no word of it is known', () => {
    expect(acts('So the forklift broke down and the crane was late, right?')).toEqual(['restate', 'question+confirm']);
    expect(acts('所以叉车坏了，吊车也来晚了，对吧？', 'zh-CN')).toEqual(['restate', 'restate', 'question+confirm']);
  });

  it('and the customer confirms it, hearing it as listening, not as small talk', () => {
    for (const [reply, locale] of [
      ['So the forklift broke down and the crane was late, right?', 'en'],
      ['所以叉车坏了，吊车也来晚了，对吧？', 'zh-CN'],
    ] as const) {
      const r = answer('angry-contractor', reply, locale);
      expect(r.question?.kind, reply).not.toBe('irrelevant');
      expect(r.listening, reply).toEqual({ question: false, restate: true, confirm: true });
      expect(r.anger[1], reply).toBeLessThanOrEqual(r.anger[0]!);
    }
    // Where nothing moves the customer on, the play-back is confirmed.
    const quiet = {
      ...library.get('angry-contractor')!,
      states: library.get('angry-contractor')!.states.map((s) => ({ ...s, transitions: [] })),
    };
    expect(answer(quiet, 'So the forklift broke down and the crane was late, right?').question).toEqual({ kind: 'restated' });
  });

  it('what the customer was refused is part of the account', () => {
    expect(acts('所以吊车来晚了，保安不让进，对吧？', 'zh-CN')[0]).toBe('restate');
  });

  it('not across something else between it and the tag, nor with the tag in another sentence, nor without a tag', () => {
    expect(acts("The crane was late, I'll ring the owner, right?")[0]).toBe('statement');
    expect(acts('The crane was late. Is that right?')[0]).toBe('statement');
    expect(acts('The crane was late, the forklift broke down.')).toEqual(['statement', 'statement']);
  });

  it('a play-back said in so many words needs no bare account before the tag, and may run on through it', () => {
    expect(acts("So you're saying the crane was late, I'll ring the owner, right?")[0]).toBe('restate');
    expect(acts('The crane was late, you said I locked the gate, right?').slice(0, 2)).toEqual(['restate', 'restate']);
  });

  it('only what comes between the account and its tag counts, not what went before it', () => {
    expect(acts("I'm really sorry about that, the crane was late, right?").slice(0, 2)).toEqual(['apology', 'restate']);
  });

  it('a play-back that asks something new with a question word is not one', () => {
    expect(acts('So you mean which bag it was, right?')[0]).not.toContain('restate');
  });

  it('the trainee’s own doing, a reproach, soothing, chat, a filler or a question word before the tag is not an account', () => {
    for (const reply of [
      'I checked the forklift, right?',
      'You should have checked the forklift yourself, right?',
      "You didn't book the crane, did you?",
      "Don't worry, the crane is coming, right?",
      'I understand the crane was late, right?',
      "Nice weather today, isn't it?",
      'Okay, right?',
    ])
      expect(acts(reply)[0], reply).not.toContain('restate');
    expect(acts('What time the crane came, right?')[0]).not.toContain('restate');
    expect(acts('您慢慢说，刚才吊车来晚了对吧？', 'zh-CN')[0]).not.toContain('restate');
    expect(acts('您别生气，吊车来晚了，对吧？', 'zh-CN')[0]).not.toContain('restate');
  });
});

describe('a question asked in two sentences', () => {
  it('is weighed in each: the later sentence is where the subject is asked last', () => {
    expect(
      answer('3g-number-migration', 'Are you out and about on business a lot, then? How many days a month are you away?').question,
    ).toEqual({
      kind: 'fact',
      fact: 'travels',
    });
  });

  it('a fact asked across the whole reply is still matched across its sentences', () => {
    const base = structuredClone(library.get('wrong-change')!);
    const [paid] = base.facts;
    const s: Scenario = { ...base, facts: [{ ...paid!, id: 'paid-and-slip', asks: [{ all: ['pay', 'receipt'], within: 'reply' }] }] };
    expect(answer(s, 'Did you pay cash? Have you kept the receipt?').question).toEqual({ kind: 'fact', fact: 'paid-and-slip' });
  });
});

describe("the customer's own figures asked back", () => {
  const heard = (reply: string, customer = 'I gave you 100 and got 5 back!') =>
    listeningActs(analyseReply(reply, 'en'), analyseReply(customer, 'en')).restate;

  it('are a play-back when every figure asked is one she said, and nothing else is asked or offered', () => {
    expect(heard('You got five?')).toBe(true);
    expect(heard('Right, you got five?')).toBe(true);
    // One figure she never said, and it is a question of the trainee's own.
    expect(heard('You paid 100 and got 7?')).toBe(false);
    // Asked with a question word, or offered: a question or an offer, not a play-back.
    expect(heard('How much, five?')).toBe(false);
    expect(heard('Shall I give you five?')).toBe(false);
    // Said, not asked.
    expect(heard('You got five.')).toBe(false);
  });
});

describe('a plain statement that opens by restating plays the wish back and promises nothing', () => {
  const flags = (reply: string, locale: 'en' | 'zh-CN' = 'en') => {
    const s = library.get('3g-number-migration')!;
    return evaluateReply(reply, { locale, scenario: scenarioRules(s) }).findings.map((f) => f.evaluator);
  };

  it('in either language, with a "but" that carries on the wish', () => {
    expect(flags("Right, so you'd like to move onto a 3G plan but keep the number you've had for years.")).toEqual([]);
    expect(flags("So what you're saying is you want 3G and you want to keep your current number.")).toEqual([]);
    expect(flags("I see, so you want 3G but you don't want to lose your number.")).toEqual([]);
    expect(flags('您的意思是想办3G套餐，但是号码不变。', 'zh-CN')).toEqual([]);
  });

  it('the trainee’s own step after it is still a step, and what is said of the customer with can or will is a promise', () => {
    expect(flags('明白，您是想保留原号码办3G，我先帮您查一下。', 'zh-CN')).toEqual(['problemSolving']);
    expect(flags('So you’ll keep your current number and get 3G today.')).toContain('promises');
    expect(flags('So you can keep your number on 3G.')).toContain('promises');
    expect(flags('也就是说您可以保留原号码办3G。', 'zh-CN')).toContain('promises');
    expect(flags('If you want, you can keep your current number and go on 3G today.')).toContain('promises');
    // "so you…" after a step of ours says what the step is for.
    expect(flags("I'll get the network team to override it so you keep your number on the 3G plan.")).toContain('promises');
  });

  it('thanked for or turned down in the same clause, the wish is still the customer’s, as after a comma', () => {
    expect(flags('您是想保留原号码办3G谢谢', 'zh-CN')).toEqual([]);
    expect(flags('您是想保留原号码办3G，谢谢', 'zh-CN')).toEqual([]);
    expect(flags("So you'd like to keep your number and get 3G today thank you.")).toEqual([]);
    expect(flags('您是想保留原号码办3G不可能', 'zh-CN')).toEqual(['interrupting']);
  });

  it('a condition or a step of ours in it, or a step before it in the sentence, makes it the trainee’s word again', () => {
    expect(flags('Right, so you keep your number on the 3G plan.')).toEqual([]);
    expect(flags('Oh okay right so you keep your number on the 3G plan.')).toEqual([]);
    expect(flags('So you keep your number if you move to 3G today.')).toContain('promises');
    expect(flags('So you keep your number when I move you to 3G.')).toContain('promises');
    expect(flags('您是想保留原号码办3G我给您办', 'zh-CN')).toContain('promises');
    expect(flags('您是想保留原号码办3G帮您办好', 'zh-CN')).toContain('promises');
    // Run on with no comma, a step before the restating words is no lead-in either.
    expect(flags('马上查您是想保留原号码办3G。', 'zh-CN')).toContain('promises');
    expect(flags("I'll ring the network team, so you keep your number on the 3G plan.")).toContain('promises');
  });

  it('what the customer wishes of us, right after the restating words, is their wish, not our step', () => {
    const credited = (reply: string) => evaluateReply(reply, { locale: 'zh-CN', customer: '钱你们得退给我' }).detected.problemSolving;
    expect(flags('您是想我们给您保留原号码办3G。', 'zh-CN')).toEqual([]);
    expect(credited('您是想我们给您退钱。')).toBe(false);
    expect(credited('您是想我们马上给您退钱，对吧？')).toBe(false);
    // A step of ours after the wish is said is still ours, run on or not.
    expect(credited('您是想退钱我们马上给您退。')).toBe(true);
    expect(flags('您是想保留原号码办3G帮您办好', 'zh-CN')).toContain('promises');
  });

  it('a condition in its clause after the customer’s wish is named is the customer’s', () => {
    expect(flags("So you'd like 3G if you can keep your number.")).toEqual([]);
    expect(flags('您是想只要号码不变就办3G。', 'zh-CN')).toEqual([]);
    expect(flags('您是想如果能保留原号码就办3G。', 'zh-CN')).toEqual([]);
    expect(flags("So you don't want a new number if you can keep this one on 3G.")).toEqual([]);
    // A condition before the wish is named, or said of what we do, is still the trainee's word.
    expect(flags('So you keep your number if you move, you want 3G.')).toContain('promises');
    expect(flags("So you'd like 3G if I can keep your number.")).toContain('promises');
    expect(flags('您保留原号码的话就能办3G。', 'zh-CN')).toContain('promises');
  });

  it('the customer is the subject right after the restating words, or it is no play-back', () => {
    expect(flags('Just to confirm you keep your number on 3G.')).toEqual([]);
    // A few words may come between: the customer four characters on is still right after them.
    expect(flags('也就是说归根到底您就是想保留原号码办3G。', 'zh-CN')).toEqual([]);
    expect(flags('Just to confirm the new plan lets you keep your number.')).toContain('promises');
    expect(flags('Oh right, just to confirm the new plan lets you keep your number.')).toContain('promises');
  });

  it('opens its own sentence: a step of ours in the sentence before does not count against it', () => {
    expect(flags("I'll ring the network team. So you keep your number on the 3G plan.")).not.toContain('promises');
  });

  it('goes on into the next clause of its sentence only when that one opens with a "but" and has nothing of ours', () => {
    expect(flags('您的意思是想办3G套餐，但是号码不变谢谢。', 'zh-CN')).toEqual([]);
    expect(flags('您的意思是想办3G套餐， 但是号码不变。', 'zh-CN')).toEqual([]);
    // What a waiver after the "but" calls off is the step it names, not the "but".
    expect(flags('您的意思是想办3G套餐，但是换号就免了号码保留。', 'zh-CN')).toEqual([]);
    expect(flags('您的意思是想办3G套餐，号码不变。', 'zh-CN')).toContain('promises');
    expect(flags('您的意思是想办3G套餐。但是号码不变。', 'zh-CN')).toContain('promises');
    expect(flags('您的意思是想办3G套餐，但是我们让号码不变。', 'zh-CN')).toContain('promises');
    expect(flags('您的意思是想办3G套餐，但是如果号码不变就贵一点。', 'zh-CN')).toContain('promises');
  });

  it('"what … is" opens a statement, not a question, and the question words still ask', () => {
    expect(acts("What you're saying is the crane was late.")).toEqual(['statement']);
    expect(acts("What I'll do is ring the owner now.")).toEqual(['offer']);
    expect(acts('what do you need')).toEqual(['question']);
    expect(acts('what is your number')).toEqual(['question']);
    expect(acts('what time did you come in')).toEqual(['question']);
  });
});
