// The customer engine's documented behaviour (docs/scenarios.md, docs/architecture.md),
// one test per behaviour, each through the public entry scenarios/index.ts on a
// small scenario built here so that only the behaviour under test can move it.
import { describe, expect, it } from 'vitest';
import { MAX_REPLY_CHARS } from '../../evaluators/index.ts';
import { endSession, hint, replyToSession, scoreCard, sessionOutcome, startSession } from '../../scenarios/index.ts';
import type { PacingOptions, Scenario, SessionStateJson, Transition } from '../../scenarios/index.ts';
import { library, MINUTE, play, say, wrongChange } from './unit-scenario.ts';

const PACED: PacingOptions = { enabled: true, msPerChar: 50, minPauseMs: 500, maxPauseMs: 2000 };

/**
 * A customer with one opening line in two parts, a `next` state, and the given
 * transitions out of the opening. Mood effects are explicit so anger is predictable.
 */
function scenario(transitions: Transition[], over: Partial<Scenario> = {}): Scenario {
  const base = wrongChange();
  return {
    ...base,
    id: 'unit',
    mood: {
      start: 50,
      escalateAt: 90,
      effects: {
        interrupting: 10,
        jargon: 7,
        promises: 5,
        rude: 30,
        nothing: 3,
        empathy: -11,
        problemSolving: -13,
        addressedBySurname: -2,
      },
    },
    turnLimit: 6,
    // The library's own `check` intent: checking the receipt or counting the till.
    intents: base.intents.filter((i) => i.id === 'check'),
    start: 'open',
    states: [
      {
        id: 'open',
        lines: [
          {
            'zh-CN': ['你们找错钱了，我的路由器APN也坏了。', 'VPLMN也不行了。'],
            en: ['You gave me the wrong change, and my router APN is broken.', 'The VPLMN thing too.'],
          },
        ],
        again: [say('Well?', '然后呢？')],
        transitions,
      },
      { id: 'next', lines: [say('Go on then.', '那你说吧。')], transitions: [{ to: 'end:resolved', intent: 'check' }] },
    ],
    evaluation: {},
    ...over,
  };
}

const EMPATHY_ONLY = 'That must be really frustrating, I understand.';
const PLAIN = 'Okay.';

describe('transitions on evaluator outcomes', () => {
  it('`shows: [empathy]` moves the customer on an empathic reply and not on a plain one', () => {
    const s = scenario([{ to: 'next', shows: ['empathy'] }]);
    expect(play(s, [EMPATHY_ONLY]).session.state).toBe('next');
    expect(play(s, [PLAIN]).session.state).toBe('open');
  });

  it('`avoids` blocks a transition when the reply shows that outcome', () => {
    const s = scenario([{ to: 'next', intent: 'check', avoids: ['jargon'] }]);
    expect(play(s, ['Let me check the receipt now.']).session.state).toBe('next');
    expect(play(s, ['Let me check the receipt in the POS HLR now.']).session.state).toBe('open');
  });

  it('a step reported done moves the customer on to what they wait for next, not to watching it being done', () => {
    const base = scenario([{ to: 'next', intent: 'check' }]);
    const waits = say('Then give me my fifty.', '那就把五十块给我。');
    const s: Scenario = { ...base, states: base.states.map((st) => (st.id === 'next' ? { ...st, waiting: [waits] } : st)) };
    const said = (reply: string, locale: 'en' | 'zh-CN' = 'en') => play(s, [reply], locale).last.output.lines.map((l) => l.ref);
    expect(said("I've counted the till, it's fifty over.")).toEqual(['next:waiting']);
    expect(said('钱箱我点过了，多了五十。', 'zh-CN')).toEqual(['next:waiting']);
    expect(said('Let me count the till now.')).toEqual(['next']);
    // A step matched across a sentence is done when one of its clauses reports it done.
    const across: Scenario = {
      ...s,
      intents: s.intents.map((i) => ({ ...i, patterns: [{ all: ['check', 'till'], within: 'sentence' }] })),
    };
    expect(play(across, ["I've counted it, the till is fifty over."]).last.output.lines.map((l) => l.ref)).toEqual(['next:waiting']);
    // A state with nothing said while waiting opens as it always does.
    expect(play(base, ["I've counted the till, it's fifty over."]).last.output.lines.map((l) => l.ref)).toEqual(['next']);
  });

  it('every condition must hold: intent and shows together', () => {
    const s = scenario([{ to: 'next', intent: 'check', shows: ['empathy'] }]);
    expect(play(s, ['Let me check the receipt now.']).session.state).toBe('open');
    expect(play(s, [EMPATHY_ONLY]).session.state).toBe('open');
    expect(play(s, [`${EMPATHY_ONLY} Let me check the receipt now.`]).session.state).toBe('next');
  });

  it('an intent list matches any of its intents', () => {
    const s = scenario([{ to: 'next', intent: ['nothing-like-this', 'check'] }]);
    expect(play(s, ['Let me check the receipt now.']).session.state).toBe('next');
  });

  it('the jargon reaction names the term, not the first fault found', () => {
    const s = scenario([]);
    const { last } = play(s, ["That's impossible, the POS HLR was fine."]);
    const said = last.output.lines
      .filter((l) => l.ref === 'jargon')
      .flatMap((l) => l.parts.map((p) => p.text))
      .join(' ');
    expect(said).toMatch(/HLR|POS/);
    expect(said).not.toMatch(/impossible/);
  });

  it('angerAtLeast and angerAtMost hold the transition to the customer’s anger', () => {
    // The customer starts at 50.
    expect(play(scenario([{ to: 'next', angerAtMost: 50 }]), [PLAIN]).session.state).toBe('next');
    expect(play(scenario([{ to: 'next', angerAtMost: 49 }]), [PLAIN]).session.state).toBe('open');
    expect(play(scenario([{ to: 'next', angerAtLeast: 50 }]), [PLAIN]).session.state).toBe('next');
    expect(play(scenario([{ to: 'next', angerAtLeast: 51 }]), [PLAIN]).session.state).toBe('open');
  });

  it('the first matching transition wins', () => {
    const s = scenario([
      { to: 'end:abandoned', shows: ['empathy'] },
      { to: 'next', shows: ['empathy'] },
    ]);
    const { session, last } = play(s, [EMPATHY_ONLY]);
    expect(session.ended?.outcome).toBe('abandoned');
    expect(last.output.ending?.outcome).toBe('abandoned');
  });

  it('entering a state says its lines; a reply that moves nothing hears `again`', () => {
    const s = scenario([{ to: 'next', shows: ['empathy'] }]);
    expect(play(s, [EMPATHY_ONLY]).last.output.lines.map((l) => l.ref)).toEqual(['next']);
    const still = play(s, [PLAIN]).last.output.lines;
    expect(still.map((l) => l.parts.map((p) => p.text).join(''))).toEqual(['Well?']);
  });

  it('a zh-TW reply is understood: traditional keywords and empathy move the customer', () => {
    const byIntent = scenario([{ to: 'next', intent: 'check' }]);
    expect(play(byIntent, ['我現在就清點錢箱'], 'zh-TW').session.state).toBe('next');
    const byEmpathy = scenario([{ to: 'next', shows: ['empathy'] }]);
    expect(play(byEmpathy, ['換作是我也會生氣'], 'zh-TW').session.state).toBe('next');
    expect(play(byEmpathy, ['好的'], 'zh-TW').session.state).toBe('open');
  });
});

describe('a bare yes', () => {
  it('where the customer asks for what cannot be done, a bare yes is that promise; elsewhere it is not', () => {
    const s = library.get('3g-number-migration')!;
    for (const [locale, yes] of [
      ['en', 'Yes, sure.'],
      ['zh-CN', '可以，没问题。'],
      ['zh-CN', '可以可以。'],
      ['zh-CN', '行行行，您放心。'],
      // A filler before it, capitalised or not, leaves it the reply's first word.
      ['en', 'Um, yes, sure.'],
      ['en', 'Well, yes, sure.'],
      ['zh-CN', '嗯，可以，没问题。'],
    ] as const) {
      const { session } = startSession(s, { locale, seed: 3, now: 0 });
      const r = replyToSession(s, session, yes, MINUTE);
      expect(r.evaluation.detected.promises, `${locale} ${yes}`).toBe(true);
      // The finding is the scenario's ruled-out promise and quotes the yes, not a filler before it.
      const finding = r.evaluation.findings.find((f) => f.evaluator === 'promises');
      expect(finding?.rule, yes).toBe('facts-rule-out');
      expect(finding?.text, yes).toMatch(/^(?:Yes|yes|可以|行行行)/u);
    }
    const other = library.get('wrong-change')!;
    const { session } = startSession(other, { locale: 'en', seed: 3, now: 0 });
    expect(replyToSession(other, session, 'Yes, sure.', MINUTE).evaluation.detected.promises).toBe(false);
  });
});

describe('mood', () => {
  it('empathy calms the customer and problem solving calms them more, by the scenario’s effects', () => {
    const s = scenario([]);
    expect(play(s, [EMPATHY_ONLY]).session.anger).toBe(50 - 11);
    expect(play(s, ['I will refund the difference to you right now.']).session.anger).toBe(50 - 13);
    expect(play(s, [PLAIN]).session.anger).toBe(50 + 3);
  });

  it('jargon, promises, interrupting and rudeness anger the customer, each by its effect', () => {
    const s = scenario([]);
    expect(play(s, ['It is an HLR and VLR sync fault.']).session.anger).toBe(50 + 7);
    expect(play(s, ['I guarantee it will never happen again.']).session.anger).toBe(50 + 5);
    expect(play(s, ['Stop talking and listen.']).session.anger).toBeGreaterThanOrEqual(50 + 10);
  });

  it('a scenario without an effect uses the default, and anger stays within 0–100', () => {
    const s = scenario([], { mood: { start: 2, escalateAt: 90, effects: {} } });
    expect(play(s, [EMPATHY_ONLY]).session.anger).toBe(0);
    const angry = scenario([], { mood: { start: 99, escalateAt: 101, effects: {} } });
    expect(play(angry, [PLAIN]).session.anger).toBe(100);
  });

  it('reaching escalateAt ends the session escalated, before any transition', () => {
    const s = scenario([{ to: 'next', intent: 'check' }], {
      mood: { start: 85, escalateAt: 90, effects: { jargon: 10, problemSolving: 0 } },
    });
    const { session, last } = play(s, ['Let me check the receipt, the POS shows an HLR fault.']);
    expect(session.ended?.outcome).toBe('escalated');
    expect(last.output.lines.at(-1)?.kind).toBe('ending');
  });

  it('addressing the customer by surname, once known, calms them', () => {
    const s = scenario([], { persona: { ...library.get('wrong-change')!.persona, surnameKnown: true } });
    expect(play(s, ['Mrs Wang, okay.']).session.anger).toBe(50 - 2);
  });
});

describe('interruptions and what the customer is heard to say', () => {
  function paced(s: Scenario) {
    return startSession(s, { locale: 'en', seed: 3, now: 1_000, pacing: PACED }).session;
  }

  it('a reply before the customer finishes is an interruption; after, it is not', () => {
    const s = scenario([]);
    const session = paced(s);
    const early = replyToSession(s, session, PLAIN, 1_001);
    expect(early.interrupted).toBe(true);
    expect(early.evaluation.detected.interrupting).toBe(true);
    expect(early.output.lines[0]?.ref).toBe('interrupted');
    const late = replyToSession(s, session, PLAIN, session.speakingUntil);
    expect(late.interrupted).toBe(false);
    expect(late.evaluation.detected.interrupting).toBe(false);
  });

  it('an interrupting reply takes no transition, however good it is', () => {
    const s = scenario([{ to: 'next', shows: ['empathy'] }]);
    const session = paced(s);
    expect(replyToSession(s, session, EMPATHY_ONLY, 1_001).session.state).toBe('open');
    expect(replyToSession(s, session, EMPATHY_ONLY, session.speakingUntil + 1).session.state).toBe('next');
  });

  it('only the heard parts count: a word the customer had not yet said is the trainee’s jargon', () => {
    const s = scenario([]);
    const session = paced(s);
    // From 1,000 ms the first part ("…router APN…") is being said; the second ("VPLMN…") not yet.
    expect(replyToSession(s, session, 'Is it the APN?', 1_000).evaluation.detected.jargon).toBe(false);
    expect(replyToSession(s, session, 'Is it the APN?', 1_001).evaluation.detected.jargon).toBe(false);
    expect(replyToSession(s, session, 'Is it the VPLMN?', 1_001).evaluation.detected.jargon).toBe(true);
    // Once the whole line has been said, both are the customer's own words.
    expect(replyToSession(s, session, 'Is it the VPLMN?', session.speakingUntil + 1).evaluation.detected.jargon).toBe(false);
  });

  it('a word the customer used stays theirs for the whole session', () => {
    const s = scenario([]);
    const later = (reply: string, locale: 'en' | 'zh-CN') =>
      play(s, ['Okay.', 'Okay.', 'Okay.', 'Okay.', reply], locale).last.evaluation.detected.jargon;
    expect(later('Is it the APN?', 'en')).toBe(false);
    expect(later('是APN的问题吗？', 'zh-CN')).toBe(false);
    expect(later('Is it the HLR?', 'en')).toBe(true);
  });

  it('without pacing the whole line is heard at once and nothing interrupts', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 1_000 });
    const r = replyToSession(s, session, 'Is it the VPLMN?', 1_000);
    expect(r.interrupted).toBe(false);
    expect(r.evaluation.detected.jargon).toBe(false);
  });

  it('pacing spaces the parts by their length within the limits', () => {
    const s = scenario([]);
    const { session, output } = startSession(s, { locale: 'en', seed: 3, now: 1_000, pacing: PACED });
    const [first, second] = output.lines[0]!.parts;
    expect(first!.atMs).toBe(0);
    expect(second!.atMs).toBe(Math.min(2000, Math.max(500, first!.text.length * 50)));
    // The customer has finished when the last part is on screen.
    expect(session.speakingUntil).toBe(1_000 + second!.atMs);
  });
});

describe('questions to the customer', () => {
  const said = (r: ReturnType<typeof play>['last']) => r.output.lines.map((l) => l.parts.map((p) => p.text).join(''));

  it('asking what the customer came for is answered with the demand, calmly, and the state stays', () => {
    const s = scenario([]);
    for (const [reply, locale, again] of [
      ['How can I help you today?', 'en', 'Well?'],
      ['您好，有什么可以帮您？', 'zh-CN', '然后呢？'],
      ['您好，請問您要辦什麼業務？', 'zh-TW', '然后呢？'],
    ] as const) {
      const { session, last } = play(s, [reply], locale);
      expect(said(last)).toEqual([again]);
      expect(session.state).toBe('open');
      expect(session.anger).toBe(50);
    }
  });

  it('sympathy that moves nothing is answered with what the customer is waiting for', () => {
    const base = scenario([]);
    const waiting = [say('Just give me my fifty back.', '把我那五十块还我就行。')];
    const s = { ...base, states: base.states.map((st) => (st.id === 'open' ? { ...st, waiting } : st)) };
    expect(said(play(s, [EMPATHY_ONLY]).last)).toEqual(['Just give me my fifty back.']);
    expect(said(play(s, [PLAIN]).last)).toEqual(['Well?']);
    expect(play(s, [EMPATHY_ONLY]).session.state).toBe('open');
  });

  it('where sympathy is itself the awaited move and was spoilt, the customer does not ask for it again', () => {
    const base = scenario([{ to: 'next', shows: ['empathy'], avoids: ['promises'] }]);
    const waiting = [say('At least show some understanding.', '你起码体谅体谅我。')];
    const s = { ...base, states: base.states.map((st) => (st.id === 'open' ? { ...st, waiting } : st)) };
    const { session, last } = play(s, [`${EMPATHY_ONLY} I guarantee it will never happen again.`]);
    expect(session.state).toBe('open');
    expect(said(last)).not.toContain('At least show some understanding.');
  });

  it('a question is answered in place, unless sympathy leading into it is itself the move', () => {
    const s = scenario([{ to: 'next', shows: ['empathy'] }]);
    // Sympathy in the same sentence, before the question, or an invitation to tell: the customer is moved on.
    expect(play(s, ["I can see you're upset, so how much did you give me?"]).session.state).toBe('next');
    expect(play(s, ['您别着急，您慢慢说，您给我的是多少？'], 'zh-CN').session.state).toBe('next');
    expect(play(s, ['阿姨您别急，我听着呢。您给我的是多少？'], 'zh-CN').session.state).toBe('next');
    // Soothing that says what it is about reassures: it is more than a softener.
    expect(play(s, ["Don't worry about your money, how much did you give me?"]).session.state).toBe('next');
    expect(play(s, ['钱的事您别急，您给我的是多少？'], 'zh-CN').session.state).toBe('next');
    // A greeting, a polite opener or words that only soften the question move nothing: the question is answered.
    for (const [reply, locale] of [
      ['Hi, so sorry, how much did you give me?', 'en'],
      ["Don't worry, how much did you give me?", 'en'],
      ['您好，您给我的是多少？', 'zh-CN'],
      ['阿姨您别着急，您给我的是多少？', 'zh-CN'],
    ] as const) {
      const { session, last } = play(s, [reply], locale);
      expect(session.state).toBe('open');
      expect(last.output.lines[0]?.kind).toBe('answer');
    }
  });

  it('small talk gets impatience and costs mood, unlike a question about the case', () => {
    const s = scenario([]);
    const { session, last } = play(s, ['Nice weather today, isn’t it?']);
    expect(last.output.lines[0]?.ref).toBe('irrelevant');
    expect(session.anger).toBeGreaterThan(50);
  });
});

describe('session life', () => {
  it('the turn limit ends the session with `turn-limit`', () => {
    const s = scenario([], { turnLimit: 2 });
    const { session, results } = play(s, [PLAIN, PLAIN]);
    expect(results[0]!.session.ended).toBeUndefined();
    expect(session.ended?.outcome).toBe('turn-limit');
  });

  it('an ended session answers nothing and changes nothing', () => {
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }]);
    const { session } = play(s, [EMPATHY_ONLY, 'Thank you, take care.']);
    expect(session.ended?.outcome).toBe('resolved');
    const after = replyToSession(s, session, 'Hello?', 10 * MINUTE);
    expect(after.output.lines).toEqual([]);
    expect(after.session.turns).toBe(session.turns);
    expect(endSession(s, session, 11 * MINUTE, 'abandoned').output.lines).toEqual([]);
  });

  it('a reply over the limit is clipped before it is scored', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 0 });
    const long = `${'a'.repeat(MAX_REPLY_CHARS)} I guarantee it`;
    const r = replyToSession(s, session, long, MINUTE);
    expect(r.clipped).toBe(true);
    expect(r.evaluation.detected.promises).toBe(false);
    expect(replyToSession(s, session, 'I guarantee it', MINUTE).clipped).toBe(false);
  });

  it('the customer holds the trainee to an earlier over-promise once it falls due, once', () => {
    const s = scenario([]);
    const { results } = play(s, ['I guarantee you will get every cent back today.', PLAIN, PLAIN, PLAIN, PLAIN]);
    const recalled = results.map((r) => r.output.lines.some((l) => l.ref === 'promise-recalled'));
    expect(recalled).toEqual([false, false, false, true, false]);
    const said = results[3]!.output.lines.find((l) => l.ref === 'promise-recalled')!;
    expect(said.parts.map((p) => p.text).join('')).toContain('I guarantee you will get every cent back today');
  });

  it('two over-promises are each held against the trainee once, in the order made', () => {
    const s = scenario([]);
    const made = ['I guarantee you will get every cent back today.', 'I promise the till will be recounted within the hour.'];
    const { results } = play(s, [...made, PLAIN, PLAIN, PLAIN, PLAIN]);
    const recalled = results.map((r) =>
      r.output.lines
        .find((l) => l.ref === 'promise-recalled')
        ?.parts.map((p) => p.text)
        .join(''),
    );
    expect(recalled.map(Boolean)).toEqual([false, false, false, true, true, false]);
    expect(recalled[3]).toContain('every cent back today');
    expect(recalled[4]).toContain('recounted within the hour');
  });

  it('a jargon reaction quotes the term the trainee used', () => {
    const s = scenario([]);
    const { last } = play(s, ['It is an HLR fault.']);
    const reaction = last.output.lines.find((l) => l.ref === 'jargon');
    expect(reaction?.parts.map((p) => p.text).join('')).toContain('HLR');
  });

  it('a session from another scenario or engine version is refused', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 0 });
    const other = library.get('wrong-change')!;
    expect(() => replyToSession(other, session, PLAIN, MINUTE)).toThrow(/belongs to scenario "unit"/);
    expect(() => replyToSession(s, { ...session, v: 99 } as SessionStateJson, PLAIN, MINUTE)).toThrow(/v99 is not supported/);
  });

  it('line variants never repeat back to back, and the same seed picks the same ones', () => {
    const s = scenario([]);
    s.states[0]!.again = [say('One.'), say('Two.'), say('Three.')];
    const lines = (seed: number) => {
      let { session } = startSession(s, { locale: 'en', seed, now: 0 });
      const out: string[] = [];
      for (let i = 1; i <= 5; i++) {
        const r = replyToSession(s, session, PLAIN, i * MINUTE);
        out.push(r.output.lines.map((l) => l.parts.map((p) => p.text).join('')).join('|'));
        session = r.session;
      }
      return out;
    };
    const a = lines(4);
    expect(lines(4)).toEqual(a);
    for (let i = 1; i < a.length; i++) expect(a[i]).not.toBe(a[i - 1]);
  });

  it('a state without a hint gets the general hint in the asked locale', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 0 });
    expect(hint(s, session, 'en')).toMatch(/acknowledge/i);
    expect(hint(s, session, 'zh-TW')).toMatch(/情绪/);
    s.states[0]!.hint = { 'zh-CN': '先道歉', en: 'Apologise first' };
    expect(hint(s, session, 'en')).toBe('Apologise first');
  });

  it('the score card of a session reflects its turns and outcome', () => {
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }]);
    const { session } = play(s, ['It is an HLR fault.', EMPATHY_ONLY]);
    const { card } = endSession(s, session, 10 * MINUTE, 'abandoned');
    expect(card.outcome).toBe('resolved');
    expect(card.turns).toBe(2);
    expect(card.dimensions.jargon).toBeLessThan(100);
  });
});

describe('closing words after the case is resolved', () => {
  const resolving = () => scenario([{ to: 'end:resolved', shows: ['empathy'] }]);
  const BLAME = 'Glad that is sorted. You must have counted it wrong yourself last time though.';

  it('the resolving reply settles the case: the customer says goodbye and the session waits for a closing word', () => {
    const { session, last } = play(resolving(), [EMPATHY_ONLY]);
    expect(last.output.settled).toBe(true);
    expect(last.output.ending).toBeUndefined();
    expect(last.output.lines.map((l) => `${l.kind}:${l.ref}`)).toEqual(['ending:resolved']);
    expect(session.ended).toBeUndefined();
    expect(sessionOutcome(session)).toBe('resolved');
    expect(hint(resolving(), session, 'en')).toMatch(/nothing else/);
    expect(hint(resolving(), session, 'zh-CN')).toMatch(/别的需要/);
  });

  it('a courteous closing ends it resolved, says nothing more and is on the score card', () => {
    const s = resolving();
    const { session, last } = play(s, [EMPATHY_ONLY, 'Thanks for your patience, have a lovely evening.']);
    expect(last.output.ending?.outcome).toBe('resolved');
    expect(last.output.lines).toEqual([]);
    expect(session.turns).toBe(2);
    expect(scoreCard(s, session).outcome).toBe('resolved');
  });

  it('a closing that turns on the customer sours the case: they leave with a complaint after all', () => {
    const s = resolving();
    const { session, last } = play(s, [EMPATHY_ONLY, BLAME]);
    expect(session.ended?.outcome).toBe('escalated');
    expect(last.output.lines.map((l) => `${l.kind}:${l.ref}`)).toEqual(['ending:escalated:soured']);
    expect(last.understanding?.ending).toEqual({ outcome: 'escalated', cause: 'soured' });
    expect(play(s, [EMPATHY_ONLY, 'Cheers, and learn to count, you idiot.']).session.ended?.outcome).toBe('escalated');
  });

  it('words after the fix move no state, answer no question and are not cut off by the turn limit', () => {
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }], { turnLimit: 1 });
    const { session, last } = play(s, [EMPATHY_ONLY, 'How much did you pay me, by the way?']);
    expect(last.understanding?.question).toBeUndefined();
    expect(last.output.lines.map((l) => `${l.kind}:${l.ref}`)).toEqual(['reaction:leaving']);
    expect(session.ended).toBeUndefined();
    expect(session.state).toBe('open');
  });

  it('the customer stays for a few replies after the fix: a lecture in the last of them still sours the case', () => {
    const s = resolving();
    const talkOn = 'The receipt is in the bag as well.';
    const { results } = play(s, [EMPATHY_ONLY, talkOn, BLAME]);
    expect(results.map((r) => sessionOutcome(r.session))).toEqual(['resolved', 'resolved', 'escalated']);
    // Three replies on, the customer has gone: the session ends resolved whatever the fourth would have said.
    const gone = play(s, [EMPATHY_ONLY, talkOn, talkOn, talkOn]);
    expect(gone.results.map((r) => r.session.ended?.outcome)).toEqual([undefined, undefined, undefined, 'resolved']);
    expect(gone.last.output.lines).toEqual([]);
  });

  it('a farewell in either language closes at once; a bare thanks leaves room for what follows', () => {
    const s = resolving();
    for (const close of ['Bye now, take care.', 'Anything else I can do for you?', 'Thanks for bearing with me, have a good day.'])
      expect(play(s, [EMPATHY_ONLY, close]).session.ended?.outcome, close).toBe('resolved');
    for (const close of ['您慢走，有事随时找我。', '还有别的需要吗？', '谢谢您的耐心，祝您生活愉快。'])
      expect(play(s, ['真是太让人着急了，我理解。', close], 'zh-CN').session.ended?.outcome, close).toBe('resolved');
    const thanks = play(s, [EMPATHY_ONLY, 'OK thanks.', BLAME]);
    expect(thanks.results.map((r) => r.session.ended?.outcome)).toEqual([undefined, undefined, 'escalated']);
  });

  it('a lesson after the fact sours the case in Chinese too', () => {
    const s = resolving();
    const first = '真是太让人着急了，我理解。';
    expect(play(s, [first], 'zh-CN').session.settled).toBeDefined();
    for (const lesson of ['不过您下回找完钱当场数清楚再走嘛。', '这可怪不着我们。', '您自己也得上点心。'])
      expect(play(s, [first, lesson], 'zh-CN').session.ended?.outcome, lesson).toBe('escalated');
  });

  it('words after the fix get no reaction of their own, jargon or interruption included', () => {
    const s = resolving();
    const { last } = play(s, [EMPATHY_ONLY, 'Bye now, I have logged it in the POS HLR.']);
    expect(last.evaluation.detected.jargon).toBe(true);
    expect(last.output.lines).toEqual([]);
    expect(last.session.ended?.outcome).toBe('resolved');
  });

  it("one of the scenario's attacking intents after the fix sours the case too", () => {
    const dismiss = library.get('3g-number-migration')!.intents.find((i) => i.id === 'dismiss')!;
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }], { intents: [dismiss] });
    const { session, last } = play(s, [EMPATHY_ONLY, "Rules are rules, that's the policy."]);
    expect(last.understanding?.intents.map((i) => i.id)).toEqual(['dismiss']);
    expect(session.ended?.outcome).toBe('escalated');
  });

  it('a trainee who stops after the fix ends resolved, with no line from the customer', () => {
    const s = resolving();
    const { session } = play(s, [EMPATHY_ONLY]);
    const ended = endSession(s, session, 5 * MINUTE, 'abandoned');
    expect(ended.session.ended?.outcome).toBe('resolved');
    expect(ended.output.lines).toEqual([]);
    expect(ended.output.ending?.outcome).toBe('resolved');
  });

  it('a case still open has no outcome yet', () => {
    expect(sessionOutcome(play(resolving(), [PLAIN]).session)).toBeUndefined();
  });
});
