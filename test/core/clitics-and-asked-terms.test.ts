// Behaviours added from the eighth blind batch, each as the reply that shows it and the
// nearest reply that must not: an English abbreviation with a clitic after it, a term
// the customer asked the meaning of, and a term named after the plain words
// ("we call it a PIR"). Through the public entry only.
import { describe, expect, it } from 'vitest';
import { evaluateReply } from '../../evaluators/index.ts';

const jargon = (reply: string, customer = 'Why is it doing that?') => evaluateReply(reply, { locale: 'en', customer }).detected.jargon;

describe('jargon: an abbreviation with a clitic after it', () => {
  it("is still the abbreviation: 's, 'd, 'll, 've, 're, with a straight or a curly apostrophe", () => {
    expect(jargon("Your DIN's on six and a half.")).toBe(true);
    expect(jargon('Your DIN’s on six and a half.')).toBe(true);
    expect(jargon("It was RTS'd on Thursday.")).toBe(true);
    expect(jargon("The ECU'll need a reset.")).toBe(true);
    expect(jargon("The ECUs've all been reset.")).toBe(true);
    expect(jargon("The TPMS're all reading low.")).toBe(true);
  });

  it('not when the letters run on into a word, a hyphen or another clitic', () => {
    expect(jargon("Your DIN'x on six.")).toBe(false);
    expect(jargon('The DIN-rail is fine.')).toBe(false);
    expect(jargon("It's on the DINt.")).toBe(false);
    expect(jargon("Your PIN's on the letter.")).toBe(false);
  });
});

describe('jargon: a term the customer asked the meaning of', () => {
  it('repeated unexplained is jargon', () => {
    expect(jargon('The DPF, mate.', 'What does DPF mean on the invoice?')).toBe(true);
    expect(jargon('The DPF, mate.', 'What do the letters DPF stand for?')).toBe(true);
    expect(jargon('The DPF, mate.', 'DPF? What did that mean?')).toBe(true);
    expect(jargon('The DPF, mate.', "There's DPF on the bill, what's that?")).toBe(true);
    expect(jargon('The DPF, mate.', 'DPF on the bill, what are these?')).toBe(true);
    expect(jargon('The DPF, mate.', 'DPF, what is this about?')).toBe(true);
    expect(jargon('The DPF, mate.', 'I have no idea what DPF is.')).toBe(true);
  });

  it("said by the customer without asking, it is the customer's own word", () => {
    expect(jargon('The DPF, mate.', 'My DPF light is on.')).toBe(false);
    expect(jargon('The DPF, mate.', 'What does the DPF light do? It is on.')).toBe(false);
    expect(jargon('The DPF, mate.', 'What is wrong with my DPF?')).toBe(false);
    expect(jargon('The DPF is the soot filter in the exhaust.', 'What does DPF mean?')).toBe(false);
  });
});

describe('jargon: a term named after the plain words', () => {
  it('"we call it a / this the / that an …" explains it', () => {
    expect(jargon('A motion sensor, we call it a PIR, saw something.')).toBe(false);
    expect(jargon('The soot filter, we call this the DPF, is blocked.')).toBe(false);
    expect(jargon('The brake computer, they call that an ABS unit, is fine.')).toBe(false);
    expect(jargon('A motion sensor, we call it PIR, saw something.')).toBe(false);
  });

  it('calling someone is no explanation, nor a naming that does not end right before the term', () => {
    expect(jargon("I'll call the DPF team.")).toBe(true);
    expect(jargon('They call it a, erm, PIR.')).toBe(true);
    expect(jargon('They call it the:PIR.')).toBe(true);
    expect(jargon('A motion sensor, we call them a PIR, saw something.')).toBe(true);
  });
});

describe("jargon: the customer's own word is a whole word", () => {
  it('letters inside a longer word of the customer are not the term', () => {
    expect(jargon("Your DIN's on six.", 'The bindings keep popping off.')).toBe(true);
    expect(jargon("Your DIN's on six.", 'My DINs keep popping off.')).toBe(true);
    expect(jargon("Your DIN's on six.", 'It says DIN2 on the boot.')).toBe(true);
    expect(jargon("Your DIN's on six.", 'The bindings, the DIN setting, all of it.')).toBe(false);
  });

  it('at the start or the end of what they said, next to punctuation or Chinese', () => {
    expect(jargon("Your DIN's on six.", 'DIN is too low.')).toBe(false);
    expect(jargon("Your DIN's on six.", 'Can you raise my DIN')).toBe(false);
    expect(jargon("Your DIN's on six.", 'Is it the DIN?')).toBe(false);
    expect(evaluateReply('APN要重新设置一下。', { locale: 'zh-CN', customer: '我的APN设置不对吗?' }).detected.jargon).toBe(false);
  });
});
