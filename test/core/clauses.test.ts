// Where a clause ends decides how far a negation reaches: "I can't wait. I
// understand" is sympathy, "I can't wait I understand" is not. The evaluators find
// clause ends once per reply; scoring one reply must not leave anything behind
// that changes the next one.
import { describe, expect, it } from 'vitest';
import { analyseReply, evaluateReply, type ReplyContext } from '../../evaluators/index.ts';
import { clauseBefore, negatedBefore, prepareReply } from '../../evaluators/engine/prepare.ts';

const en: ReplyContext = { locale: 'en', customer: 'This is outrageous!' };
const zh: ReplyContext = { locale: 'zh-CN', customer: '气死我了,你们到底管不管?' };

describe('clause ends bound a negation', () => {
  it('a full stop before a space, a comma or a line break ends the clause; a run-on sentence does not', () => {
    expect(evaluateReply("I can't wait. I understand how you feel.", en).detected.empathy).toBe(true);
    expect(evaluateReply("I can't wait, I understand how you feel.", en).detected.empathy).toBe(true);
    expect(evaluateReply("I can't wait\nI understand how you feel.", en).detected.empathy).toBe(true);
    expect(evaluateReply("I can't wait I understand how you feel.", en).detected.empathy).toBe(false);
  });

  it('a negation reaches four words back however many spaces are typed between them', () => {
    expect(evaluateReply("I'm not going to say sorry for that.", en).detected.empathy).toBe(false);
    expect(evaluateReply("I'm  not  going  to  say  sorry  for  that.", en).detected.empathy).toBe(false);
  });

  it('a condition reaches across commas to the end of its sentence, not into the next one', () => {
    const change: ReplyContext = { locale: 'zh-CN', customer: '你少找我钱了!' };
    expect(evaluateReply('如果确实少找了,我们会查,我保证退给您。', change).detected.promises).toBe(false);
    expect(evaluateReply('如果确实少找了我们会查。我保证退给您。', change).detected.promises).toBe(true);
  });

  it('a reply scored after another is scored as if it were the first', () => {
    const replies: [string, ReplyContext][] = [
      ["I can't wait I understand how you feel.", en],
      ['我不理解您的意思,我帮您查一下。', zh],
      ['我理解您的心情,不过我不能保证今天修好。', zh],
      ["I can't wait. I understand how you feel.", en],
    ];
    const alone = replies.map(([reply, context]) => JSON.stringify(evaluateReply(reply, context)));
    const interleaved = [...replies, ...replies.slice().reverse()].map(([reply, context]) => JSON.stringify(evaluateReply(reply, context)));
    expect(interleaved).toEqual([...alone, ...alone.slice().reverse()]);
  });
});

describe('a dash ends a clause, a hyphen inside a word does not', () => {
  const clauses = (text: string, locale: 'en' | 'zh-CN' = 'en') => analyseReply(text, locale).clauses.map((c) => c.text.trim());

  it('an em dash, or a spaced en dash or hyphen, between two thoughts', () => {
    expect(clauses("I've switched it back on — did it arrive?")).toEqual(["I've switched it back on", 'did it arrive']);
    expect(clauses("I've switched it back on—did it arrive?")).toEqual(["I've switched it back on", 'did it arrive']);
    expect(clauses("I've switched it back on – did it arrive?")).toEqual(["I've switched it back on", 'did it arrive']);
    expect(clauses("I've switched it back on - did it arrive?")).toEqual(["I've switched it back on", 'did it arrive']);
    expect(clauses('短信功能给您打开了——收到测试短信了吗？', 'zh-CN')).toEqual(['短信功能给您打开了', '收到测试短信了吗']);
  });

  it('a space between two Chinese characters ends a clause; one beside a digit or a Latin word does not', () => {
    expect(clauses('我这就给您查 停机的是哪个号码啊', 'zh-CN')).toEqual(['我这就给您查', '停机的是哪个号码啊']);
    expect(clauses('我先看一下  您是哪天买的', 'zh-CN')).toEqual(['我先看一下', '您是哪天买的']);
    expect(clauses('我帮您办3G 套餐', 'zh-CN')).toEqual(['我帮您办3G 套餐']);
    expect(clauses('号码是138 1672 5530吧', 'zh-CN')).toEqual(['号码是138 1672 5530吧']);
    expect(clauses('我看一下 App 上的明细', 'zh-CN')).toEqual(['我看一下 App 上的明细']);
    const [offer, ask] = analyseReply('我这就给您查 停机的是哪个号码啊', 'zh-CN').clauses;
    expect(offer!.acts).not.toContain('question');
    expect(ask!.acts).toContain('question');
  });

  it('a hyphenated word or a range stays one clause', () => {
    expect(clauses('Your top-up came through between 2–4 pm')).toEqual(['Your top-up came through between 2–4 pm']);
    expect(clauses('a twenty-odd day trip')).toEqual(['a twenty-odd day trip']);
  });

  it('a step reported, then checked with a question after a dash, is the step and a question', () => {
    const [done, check] = analyseReply("I've turned it back on — did it arrive?", 'en').clauses;
    expect(done!.acts).not.toContain('question');
    expect(check!.acts).toContain('question');
  });
});

describe('a bare "do you know?" closing a sentence only softens what it asks', () => {
  const acts = (text: string, locale: 'en' | 'zh-CN' = 'en') =>
    analyseReply(text, locale).clauses.map((c) => `${c.text.trim()}: ${c.acts.join('+')}`);
  it('the clauses before the tag ask, and the tag asks nothing of its own', () => {
    expect(acts('Since when has the line been dead, do you know?')).toEqual([
      'Since when has the line been dead: question',
      'do you know: greeting',
    ]);
    expect(acts('Any idea if it froze on a call, any idea?')).toEqual(['Any idea if it froze on a call: question', 'any idea: greeting']);
    expect(acts('It went off on Monday, you said so, do you know?')).toEqual([
      'It went off on Monday: question',
      'you said so: question',
      'do you know: greeting',
    ]);
  });
  it('a tag that opens the sentence, holds more, or does not close it, still asks', () => {
    expect(acts('Do you know when it started?')).toEqual(['Do you know when it started: question']);
    expect(acts('When did it start, do you know why?')).toEqual(['When did it start: question', 'do you know why: question']);
    expect(acts('When did it start, do you know, or roughly?')).toEqual([
      'When did it start: question',
      'do you know: question',
      'or roughly: question',
    ]);
    expect(acts('The line went dead. Do you know?')).toEqual(['The line went dead: statement', 'Do you know: question']);
    expect(acts("It was the 3rd, you don't know?")).toEqual(['It was the 3rd: statement', "you don't know: question"]);
    // In Chinese a closing 您知道吗 asks whether the customer knows at all: the locale has no soft tag.
    expect(acts('几点停的机，您知道吗？', 'zh-CN')).toEqual(['几点停的机: question', '您知道吗: question']);
  });
  it('the act that counts most follows: the question, then the tag as politeness', () => {
    expect(analyseReply('Since when has the line been dead, do you know?', 'en').clauses.map((c) => c.act)).toEqual([
      'question',
      'greeting',
    ]);
  });
  it('an offer or a thank-you before the tag keeps its act', () => {
    expect(acts("I'll look it up, thanks, do you know?")).toEqual(["I'll look it up: offer", 'thanks: thanks', 'do you know: greeting']);
  });
});

describe('a question word that only means "any" in an invitation to come back', () => {
  const acts = (reply: string) => analyseReply(reply, 'zh-CN').clauses.map((c) => c.acts.join('+'));

  it('asks nothing, in the same clause or across a comma', () => {
    expect(acts('有什么问题随时找我。')).toEqual(['statement']);
    expect(acts('哪儿不舒服就告诉我')).toEqual(['statement']);
    expect(acts('有什么问题，随时找我')).toEqual(['statement', 'statement']);
  });

  it('still asks with a question mark or a closing 吗, and a plain question word still asks', () => {
    expect(acts('有什么问题随时找我吗？')).toEqual(['question']);
    expect(acts('有什么问题随时找我吗')).toEqual(['question']);
    expect(acts('您还有什么问题')).toEqual(['question']);
    expect(acts('你为什么不早点告诉我')).toEqual(['question']);
  });
});

describe('the clause before a place in the reply', () => {
  it('at the very end of the text is its last clause, as anywhere else', () => {
    expect(clauseBefore('I see, no problem', 17)).toBe(' no problem');
    expect(clauseBefore('好的，没问题', 6)).toBe('没问题');
    expect(clauseBefore('好的，没问题', 5)).toBe('没问');
  });
});

describe('how far back a Chinese negation reaches', () => {
  // The window is ten characters; comforting words (不用担心) and an A-not-A question (是不是) count as one, for
  // their 不 negates nothing.
  const negated = (text: string, word: string) => negatedBefore(prepareReply(text, 'zh-CN'), text.indexOf(word));
  it('a negation eleven characters back, counting such words as one, is out of reach', () => {
    expect(negated('不是我们的问题不用担心这个呢一定修好', '一定')).toBe(false);
    expect(negated('不是我们的问题是不是这个呢一定修好', '一定')).toBe(false);
    expect(negated('不是我们的问题不用担心这个一定修好', '一定')).toBe(true);
  });
});
