// What the shared analysis says a clause does, for the acts that both the customer and the
// score card read: a play-back confirmed by a tag, an open question, a bare question.
import { describe, expect, it } from 'vitest';
import { analyseReply } from './analyse.ts';
import type { InputLocale } from '../types.ts';

const acts = (text: string, locale: InputLocale) => analyseReply(text, locale).clauses.map((c) => c.act);

describe('restating', () => {
  it('a play-back followed by a confirming tag in the same sentence is restating', () => {
    expect(acts('您是说您给了我一百，我只找了五块，对吗？', 'zh-CN')[0]).toBe('restate');
    expect(acts('您是想在现在这个号码上直接用3G，对吧？', 'zh-CN')[0]).toBe('restate');
    expect(acts('So you’d like 3G on this number, right?', 'en')[0]).toBe('restate');
    expect(acts('You want to keep your number, is that right?', 'en')[0]).toBe('restate');
  });

  it('an open question that starts like a play-back asks for something new', () => {
    expect(acts('您想办什么业务？', 'zh-CN')).toEqual(['question']);
    expect(acts('What would you like to do today?', 'en')).toEqual(['question']);
  });

  it('a question word inside a play-back closed by its tag in the same clause still plays back', () => {
    expect(acts('You mean what you paid was fifty right?', 'en')).toEqual(['restate']);
    expect(acts('您是说您付的是多少来着对吧？', 'zh-CN')).toEqual(['restate']);
  });

  it('an account before a clause that restates what we did, up to the tag, is played back too', () => {
    expect(analyseReply('您给的是一百，您是说我们只找了五块，对吧？', 'zh-CN').clauses[0]!.acts).toEqual(['restate']);
    expect(analyseReply("You paid with a hundred, you're saying we gave you five back, right?", 'en').clauses[0]!.acts).toEqual([
      'restate',
    ]);
  });

  it('a tag typed without a question mark asks to confirm all the same, and ends its question', () => {
    const wednesday = analyseReply("It's Wednesday isn't it, don't worry, we'll clear it first thing tomorrow", 'en').clauses;
    expect(wednesday[0]!.acts).toEqual(['question', 'confirm']);
    expect(wednesday.map((c) => c.sentence)).toEqual([0, 1, 1]);
    expect(analyseReply('You want it gone today isn’t that right', 'en').clauses[0]!.acts).toEqual(['restate', 'question', 'confirm']);
  });

  it('money handed back before a tag is our own doing, not the customer played back', () => {
    expect(acts('这五十块退给您，您看看对不对', 'zh-CN')[0]).toBe('statement');
    expect(acts('您给的是一百，对吧？', 'zh-CN')[0]).toBe('restate');
  });

  it('a play-back in one sentence and a tag in the next are not joined', () => {
    expect(acts('您是想换号。对吗？', 'zh-CN')[0]).not.toBe('restate');
  });
});

describe('who is addressed, and 呢', () => {
  it('the customer addressed alone is a greeting; words said to them in the same clause are what the clause does', () => {
    expect(acts('王阿姨，您好', 'zh-CN')).toEqual(['greeting', 'greeting']);
    expect(acts('张师傅您好', 'zh-CN')).toEqual(['greeting']);
    expect(acts('阿姨您别急', 'zh-CN')).toEqual(['statement']);
    expect(acts('王阿姨钱箱多了五十', 'zh-CN')).toEqual(['statement']);
    expect(acts('师傅姓李，下午上门', 'zh-CN')).toEqual(['statement', 'statement']);
  });

  it('呢 asks only beside a question word or before a question mark; on its own it states or pauses', () => {
    expect(acts('我听着呢。', 'zh-CN')).toEqual(['statement']);
    expect(acts('您别急，这个呢，我们店规定收银台当天不能退钱。', 'zh-CN').slice(0, 2)).toEqual(['statement', 'statement']);
    expect(acts('小票呢？', 'zh-CN')).toEqual(['question']);
    expect(acts('那怎么办呢', 'zh-CN')).toEqual(['question']);
  });
});

describe('clauses', () => {
  it('a reply that is not text is read as its text, and nothing as an empty reply', () => {
    expect(analyseReply(50 as unknown as string, 'en').text).toBe('50');
    expect(analyseReply(undefined as unknown as string, 'zh-CN').clauses).toEqual([]);
  });

  it('each holds the numbers said in it', () => {
    expect(analyseReply('您给的是一百，我找了您五十。', 'zh-CN').clauses.map((c) => c.numbers)).toEqual([[100], [50]]);
    expect(analyseReply('You gave me a hundred, I gave you fifty back.', 'en').clauses.map((c) => c.numbers)).toEqual([[100], [50]]);
  });

  it('a line of nothing but spaces between two lines is no clause', () => {
    const texts = (text: string, locale: InputLocale) => analyseReply(text, locale).clauses.map((c) => c.text);
    expect(texts('How much did you pay?\n \nWas it a fifty?', 'en')).toEqual(['How much did you pay', 'Was it a fifty']);
    expect(texts('您付了多少？\n \n是五十的吗？', 'zh-CN')).toEqual(['您付了多少', '是五十的吗']);
  });

  it('list their concepts in the order said, the longer first where two start together (as the trace shows them)', () => {
    for (const [text, locale] of [
      ['I will refund you right away, let me check the receipt now.', 'en'],
      ['我马上给您退钱，您看行吗？我帮您查一下小票。', 'zh-CN'],
    ] as const) {
      const hits = analyseReply(text, locale).clauses.flatMap((c) => c.concepts);
      expect(hits.length).toBeGreaterThan(5);
      const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
      expect(hits.map((h) => `${h.id}@${h.start}-${h.end}`)).toEqual(sorted.map((h) => `${h.id}@${h.start}-${h.end}`));
    }
    const together = analyseReply('I will refund you right away.', 'en').clauses[0]!.concepts.filter((h) => h.start === 0);
    expect(together.map((h) => h.end - h.start)).toEqual([...together.map((h) => h.end - h.start)].sort((a, b) => b - a));
    expect(together.length).toBeGreaterThan(1);
  });
});

describe('a suggestion worded with a negation', () => {
  const negated = (text: string, locale: InputLocale, id: string) =>
    analyseReply(text, locale)
      .clauses.flatMap((c) => c.concepts)
      .filter((h) => h.id === id)
      .map((h) => h.negated);

  it('does not negate what it suggests, right after it or further on', () => {
    expect(negated('要不退钱给您吧', 'zh-CN', 'hand-back')).toEqual([false]);
    expect(negated("why don't we refund it", 'en', 'hand-back')).toEqual([false]);
  });

  it('leaves a negation before it standing', () => {
    expect(negated('不用退钱要不我给您换一张', 'zh-CN', 'hand-back')).toEqual([true]);
    expect(negated("No refund needed why don't we swap it", 'en', 'hand-back')).toEqual([true]);
  });
});

describe('an invitation to come back', () => {
  it('asks nothing, whatever question word it holds, and keeps the other acts of its clause', () => {
    expect(acts('有什么问题您随时找我', 'zh-CN')).toEqual(['statement']);
    expect(acts('有什么问题您随时找我呢~', 'zh-CN')).toEqual(['statement']);
    expect(acts('有什么问题谢谢您随时找我', 'zh-CN')).toEqual(['thanks']);
  });

  it('unless its own sentence is asked, with a question mark or a closing 吗 in any of its clauses', () => {
    expect(acts('有什么问题您随时找我吗', 'zh-CN')).toEqual(['question']);
    expect(acts('有什么问题，您随时找我吗', 'zh-CN')).toEqual(['question', 'question']);
    expect(acts('您付了多少？有什么问题您随时找我', 'zh-CN')).toEqual(['question', 'statement']);
    expect(acts('有什么问题您随时找我。您付了多少？', 'zh-CN')).toEqual(['statement', 'question']);
  });
});

describe('quoted words', () => {
  const ids = (text: string, locale: InputLocale) => analyseReply(text, locale).clauses.flatMap((c) => c.concepts.map((h) => h.id));

  it('are someone else’s; a phrase only begun inside quotation marks is the reply’s own', () => {
    expect(ids('我帮"您退钱"', 'zh-CN')).not.toContain('hand-back');
    expect(ids('I\'ll "give" the owner a ring.', 'en')).toContain('phone-call');
  });
});

describe('a question that trails off', () => {
  it('"…" before the question mark is part of the question, and the next sentence starts after it', () => {
    expect(acts('and the number you are on now is…?', 'en')).toEqual(['question']);
    expect(acts('And you paid at… ? I will look it up.', 'en')).toEqual(['question', 'offer']);
    expect(acts('您的手机号是……？', 'zh-CN')).toEqual(['question']);
    expect(analyseReply('号码是…？我马上查。', 'zh-CN').clauses.map((c) => c.sentence)).toEqual([0, 1]);
    // A "…" with no question mark after it is a pause, not a question.
    expect(acts('The receipt says forty-five…', 'en')).toEqual(['statement']);
  });
});

describe('either-or questions', () => {
  it('the first half of an either-or question asks too', () => {
    expect(acts('Same phone as always, or a new one?', 'en')).toEqual(['question', 'question']);
    expect(acts('Your usual phone, Or another one?', 'en')).toEqual(['question', 'question']);
    expect(acts('您刷的卡，还是给的现金？', 'zh-CN')).toEqual(['question', 'question']);
    expect(analyseReply('Same phone as always, or a new one?', 'en').clauses[0]!.acts).toEqual(['question']);
  });

  it('only a statement just before the "or" in the same sentence becomes a question', () => {
    // Not an either-or: "for" is no "or", and a statement in an earlier sentence stays one.
    expect(acts('Same phone as always, for now?', 'en')[0]).toBe('statement');
    expect(acts('Same phone as always. Or a new one?', 'en')[0]).toBe('statement');
    expect(acts('您是刷的卡，那是现金？', 'zh-CN')[0]).toBe('statement');
    // A half that already does something keeps its act ("sorry" stays an apology when no question follows it).
    expect(acts('I will check it, or a new one?', 'en')[0]).not.toBe('question');
  });
});

describe('a bare "sorry" around a question', () => {
  it('one or more bare apologies right before a question are politeness', () => {
    expect(acts('Sorry, sorry, was it a hundred?', 'en')).toEqual(['greeting', 'greeting', 'question']);
    expect(acts('不好意思，不好意思，您贵姓？', 'zh-CN')).toEqual(['greeting', 'greeting', 'question']);
    // Up to twelve characters in English, spaces around the clause not counted.
    expect(acts('My apologies, where did you pay?', 'en')).toEqual(['greeting', 'question']);
    expect(acts('Sorry, my apologies, where did you pay?', 'en')).toEqual(['greeting', 'greeting', 'question']);
  });

  it('a bare apology closing a question asks pardon', () => {
    const clauses = analyseReply('How much did you pay, sorry?', 'en').clauses;
    expect(clauses.map((c) => c.acts)).toEqual([['question'], ['question']]);
  });

  it('an apology with nothing asked, in a sentence of its own, or said at length stays an apology', () => {
    expect(acts('Sorry, sorry, sorry.', 'en')).toEqual(['apology', 'apology', 'apology']);
    expect(acts('Sorry. Where did you pay?', 'en')[0]).toBe('apology');
    expect(acts('Where did you pay? Sorry.', 'en')[1]).toBe('apology');
    expect(analyseReply('How much did you pay, I am truly sorry about all this?', 'en').clauses[1]!.acts).toContain('apology');
    expect(acts('Sorry, we are really very sorry indeed, where did you pay?', 'en')[1]).toBe('apology');
  });

  it('an apology said with a refusal before a question stays an apology', () => {
    expect(analyseReply('抱歉不行，您贵姓？', 'zh-CN').clauses[0]!.acts).toEqual(['refusal', 'apology']);
  });

  it('a second apology after one that closes a question is not a pardon', () => {
    // "…, sorry, sorry?" — the last one follows an apology, not the question.
    const clauses = analyseReply('Where did you pay, sorry, sorry?', 'en').clauses;
    expect(clauses[1]!.acts).toContain('apology');
    expect(clauses[2]!.acts).toContain('apology');
  });
});

describe('a bare yes', () => {
  it('opens the reply past any filler', () => {
    expect(analyseReply('OK, yes.', 'en').bareYes?.text).toBe(' yes');
    expect(analyseReply('我觉得可以。', 'zh-CN').bareYes).toBeUndefined();
    expect(analyseReply('嗯，可以。', 'zh-CN').bareYes?.text).toBe('可以');
    expect(analyseReply('可以，但是号码得换。', 'zh-CN').bareYes).toBeUndefined();
  });
});

describe('a step called off right after it is named', () => {
  const concepts = (text: string, locale: InputLocale) =>
    analyseReply(text, locale).clauses.flatMap((c) => c.concepts.map((h) => `${h.negated ? 'not ' : ''}${h.id}`));

  it('is not offered: 检测就免了, "the test isn\'t needed"', () => {
    expect(concepts('检测就免了，直接换新的。', 'zh-CN')).toContain('not phone-test');
    expect(concepts("The test isn't needed.", 'en')).toContain('not phone-test');
  });

  it('only within its clause and a few words on', () => {
    expect(concepts('我给您检测，不必了解原理，很快的。', 'zh-CN')).toContain('phone-test');
    expect(concepts("I'll test it now and the receipt is not needed.", 'en')).toEqual(
      expect.arrayContaining(['phone-test', 'not receipt']),
    );
  });
});
