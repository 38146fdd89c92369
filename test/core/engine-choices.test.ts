// The customer engine's smaller choices, each seen where a trainee or trainer would see it:
// which line variant the customer says, how they react to insults and threats, when a
// question is answered instead of a transition, when a polite question still escalates,
// what the turn log keeps. Through scenarios/index.ts, on small scenarios built from the
// library's wrong-change customer.
import { describe, expect, it } from 'vitest';
import { hint, replyToSession, startSession } from '../../scenarios/index.ts';
import type { Scenario, SessionStateJson, State, Transition } from '../../scenarios/index.ts';
import { MINUTE, play, say, smallScenario } from './unit-scenario.ts';

const PLAIN = 'Okay.';
const EMPATHY = 'That must be really frustrating, I understand.';
const CHECK = 'Let me check the receipt now.';
const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

/** `open` (two transitions from a resolution through `next`), `next` and `side` (one step farther than `next`). */
function scenario(transitions: Transition[], over: Partial<Scenario> = {}, open: Partial<State> = {}): Scenario {
  return smallScenario(
    'choices',
    {
      mood: { start: 50, escalateAt: 90, effects: { nothing: 3, smalltalk: 4, empathy: -11, problemSolving: -13, jargon: 7, promises: 5 } },
      intents: ['check', 'blame'],
      states: [
        {
          id: 'open',
          lines: [say('You gave me the wrong change.', '你们找错钱了。')],
          again: [say('Well?', '然后呢？')],
          transitions: [...transitions, { to: 'next', intent: 'check' }],
          ...open,
        },
        { id: 'next', lines: [say('Go on then.', '那你说吧。')], transitions: [{ to: 'end:resolved', intent: 'check' }] },
        { id: 'side', lines: [say('Hm.', '嗯。')], transitions: [{ to: 'next', intent: 'check' }] },
      ],
    },
    over,
  );
}

/** The stored turn log, as the score card and the trainer's review read it. */
interface Logged {
  customer: string;
  findings: { evaluator: string }[];
  credited?: { evaluator: string }[];
  checks: { check: string; good: boolean }[];
  intents?: string[];
}
const turnLog = (session: SessionStateJson) => (session as unknown as { log: Logged[] }).log;

const words = (l: { parts: { text: string }[] }) => l.parts.map((p) => p.text).join('');
const said = (r: { output: { lines: { parts: { text: string }[] }[] } }) => r.output.lines.map(words);
const reactions = (r: { output: { lines: { kind: string; ref: string }[] } }) =>
  r.output.lines.filter((l) => l.kind === 'reaction').map((l) => l.ref);

/** What the customer says first, under each seed. */
function openings(s: Scenario): string[] {
  return SEEDS.map((seed) => said(startSession(s, { locale: 'en', seed, now: 0 }))[0]!);
}

describe('which line variant the customer says', () => {
  const three = [say('One.'), say('Two.'), say('Three.')];

  it('says every variant once before repeating any, and never the same one twice in a row', () => {
    const s = scenario([], {}, { again: three });
    for (const seed of SEEDS) {
      const { results } = play(s, Array(6).fill(PLAIN), 'en', seed);
      const lines = results.map((r) => said(r)[0]);
      expect(new Set(lines.slice(0, 3)).size).toBe(3);
      expect(new Set(lines.slice(3, 6)).size).toBe(3);
      for (let i = 1; i < lines.length; i++) expect(lines[i]).not.toBe(lines[i - 1]);
    }
  });

  it('a state without `again` lines does not repeat its opening words back to back', () => {
    const s = scenario([], { reactions: {} }, { lines: [say('First.'), say('Second.')], again: undefined });
    for (const seed of SEEDS)
      for (const reply of [PLAIN, 'Lovely weather today, isn’t it?']) {
        const { session, output } = startSession(s, { locale: 'en', seed, now: 0 });
        const r = replyToSession(s, session, reply, MINUTE);
        expect(said(r)[0], reply).not.toBe(said({ output })[0]);
      }
  });

  it('picks a state’s `again` lines on their own, whichever opening line was said', () => {
    const s = scenario([], {}, { lines: [say('First.'), say('Second.')], again: three });
    const pairs = SEEDS.map((seed) => {
      const { session, output } = startSession(s, { locale: 'en', seed, now: 0 });
      return `${said({ output })[0]} ${said(replyToSession(s, session, PLAIN, MINUTE))[0]}`;
    });
    // The again list's first line can follow the opening's first, its second the opening's second.
    expect(pairs).toContain('First. One.');
    expect(pairs).toContain('Second. Two.');
    // So too after a question the customer has no answer or reaction for.
    const mute = scenario([], { reactions: {} }, { lines: [say('First.'), say('Second.')], again: three });
    const asked = SEEDS.map((seed) => {
      const { session, output } = startSession(mute, { locale: 'en', seed, now: 0 });
      return `${said({ output })[0]} ${said(replyToSession(mute, session, 'Lovely weather today, isn’t it?', MINUTE))[0]}`;
    });
    expect(asked).toContain('First. One.');
    expect(asked).toContain('Second. Two.');
  });

  it('prefers the variants written for the customer’s mood, then those written for any mood', () => {
    const moody = [
      { ...say('Calm words.'), mood: 'calm' as const },
      { ...say('Any mood A.') },
      { ...say('Furious words.'), mood: 'furious' as const },
      { ...say('Any mood B.') },
    ];
    const calm = scenario([], { mood: { start: 10, escalateAt: 90, effects: {} } }, { lines: moody });
    expect(new Set(openings(calm))).toEqual(new Set(['Calm words.']));
    const annoyed = scenario([], { mood: { start: 60, escalateAt: 90, effects: {} } }, { lines: moody });
    expect(new Set(openings(annoyed))).toEqual(new Set(['Any mood A.', 'Any mood B.']));
    const furious = scenario([], { mood: { start: 85, escalateAt: 90, effects: {} } }, { lines: moody });
    expect(new Set(openings(furious))).toEqual(new Set(['Furious words.']));
  });

  it('with only variants for other moods, any of them is said', () => {
    const lines = [
      { ...say('Calm words.'), mood: 'calm' as const },
      { ...say('Furious words.'), mood: 'furious' as const },
    ];
    const s = scenario([], { mood: { start: 60, escalateAt: 90, effects: {} } }, { lines });
    expect(new Set(openings(s))).toEqual(new Set(['Calm words.', 'Furious words.']));
  });

  it('opens with the start state’s lines, wherever that state is written', () => {
    const s = scenario([]);
    s.start = 'next';
    expect(said(startSession(s, { locale: 'en', seed: 1, now: 0 }))).toEqual(['Go on then.']);
  });
});

describe('insults, threats and rudeness', () => {
  const INSULT = 'You are an idiot.';
  const THREAT = 'I will call security on you.';
  const RUDE = 'Calm down, it is not a big deal.';

  it('an insult gets the insulted reaction, a threat the threatened one, rudeness the rude one', () => {
    const s = scenario([], { mood: { start: 10, escalateAt: 95, effects: {} } });
    expect(reactions(play(s, [INSULT]).last)).toEqual(['insulted']);
    expect(reactions(play(s, [THREAT]).last)).toEqual(['threatened']);
    expect(reactions(play(s, [RUDE]).last)).toEqual(['rude']);
  });

  it('a scenario without an insulted or threatened reaction answers with its rude one', () => {
    const s = scenario([], { mood: { start: 10, escalateAt: 95, effects: {} } });
    const { insulted: _i, threatened: _t, ...rest } = s.reactions;
    s.reactions = rest;
    expect(reactions(play(s, [INSULT]).last)).toEqual(['rude']);
    expect(reactions(play(s, [THREAT]).last)).toEqual(['rude']);
  });

  it('kind words in the same breath as an insult or a threat do not calm the customer', () => {
    const s = scenario([], { mood: { start: 20, escalateAt: 95, effects: { empathy: -11, insult: 30, threat: 20 } } });
    expect(play(s, ['I understand, you idiot.']).session.anger).toBe(20 + 30);
    expect(play(s, ['I understand, but I will call security on you.']).session.anger).toBe(20 + 20);
  });
});

describe('the customer learns their surname is known only by saying it', () => {
  const ADDRESS = 'Mrs Wang, okay.';
  // addressedBySurname −2 when the surname is known; otherwise the reply moves nothing (+3).
  const effects = { nothing: 3, addressedBySurname: -2, jargon: 7 };

  it('a surname the customer never said earns nothing', () => {
    const s = scenario([], { mood: { start: 50, escalateAt: 95, effects } });
    expect(play(s, [ADDRESS]).session.anger).toBe(53);
  });

  it('said in the second part of the opening, it counts', () => {
    const s = scenario(
      [],
      { mood: { start: 50, escalateAt: 95, effects } },
      { lines: [{ 'zh-CN': ['你好。', '我姓王。'], en: ['Hello.', 'I am Mrs Wang.'] }] },
    );
    expect(play(s, [ADDRESS]).session.anger).toBe(48);
  });

  it('said in a later line after a reaction, it counts from then on', () => {
    const s = scenario([], { mood: { start: 50, escalateAt: 95, effects } }, { again: [say('I am Mrs Wang, well?', '我姓王，然后呢？')] });
    const { results } = play(s, ['It is an HLR fault.', ADDRESS]);
    expect(reactions(results[0]!)).toEqual(['jargon']);
    expect(results[1]!.session.anger - results[0]!.session.anger).toBe(-2);
  });
});

describe('a question or a transition', () => {
  const ASK = 'How much did you give me?';

  it('a plain question about the case is answered and the customer stays', () => {
    const { session, last } = play(scenario([{ to: 'side' }]), [ASK]);
    expect(session.state).toBe('open');
    expect(last.output.lines[0]?.kind).toBe('answer');
  });

  it('a question with jargon is a move of its own: the transition is taken', () => {
    expect(play(scenario([{ to: 'side' }]), ['How much did you give me, per the POS HLR?']).session.state).toBe('side');
  });

  it('a talking-down question is a move of its own: the transition is taken', () => {
    expect(play(scenario([{ to: 'side' }]), ['Who do you think you are? How much did you give me?']).session.state).toBe('side');
  });

  it('a plain lead-in before the question, without sympathy or an offer, is still a question', () => {
    const { session, last } = play(scenario([{ to: 'side' }]), ['Just to be sure, how much did you give me?']);
    expect(session.state).toBe('open');
    expect(last.output.lines[0]?.kind).toBe('answer');
  });

  it('a question the customer cannot know is answered with “how would I know”, and the customer stays', () => {
    const { session, last } = play(scenario([{ to: 'side' }]), ['Do you know how much is in the till?']);
    expect(session.state).toBe('open');
    expect(last.output.lines[0]?.ref).toBe('unknown');
  });

  it('small talk is not a question the customer answers in place of a transition', () => {
    expect(play(scenario([{ to: 'side' }]), ['Nice weather today, isn’t it?']).session.state).toBe('side');
  });

  it('a setback outranks a question; a move as far from the resolution does not', () => {
    // `far` is farther from a resolution than `open`: going there is a setback.
    const s = scenario([{ to: 'far' }]);
    s.states.push({ id: 'far', lines: [say('Now I am lost.')], transitions: [{ to: 'open', intent: 'check' }] });
    expect(play(s, [ASK]).session.state).toBe('far');
  });

  it('of two matching moves, a setback goes first even when a resolution is listed before it', () => {
    const s = scenario([
      { to: 'end:resolved', shows: ['empathy'] },
      { to: 'far', shows: ['empathy'] },
    ]);
    s.states.push({ id: 'far', lines: [say('Now I am lost.')], transitions: [{ to: 'open', intent: 'check' }] });
    const { session } = play(s, [EMPATHY]);
    expect(session.ended).toBeUndefined();
    expect(session.state).toBe('far');
  });
});

describe('transition conditions with several outcomes or intents', () => {
  it('`shows` needs every outcome listed, `avoids` any one of them', () => {
    const shows = scenario([{ to: 'side', shows: ['empathy', 'problemSolving'] }]);
    expect(play(shows, [EMPATHY]).session.state).toBe('open');
    const avoids = scenario([{ to: 'side', shows: ['empathy'], avoids: ['jargon', 'promises'] }]);
    expect(play(avoids, [`${EMPATHY} It is an HLR fault.`]).session.state).toBe('open');
    expect(play(avoids, [EMPATHY]).session.state).toBe('side');
  });

  it('`unless` blocks on any one of its intents', () => {
    const s = scenario([{ to: 'side', shows: ['empathy'], unless: ['refund', 'blame'] }]);
    expect(play(s, [EMPATHY]).session.state).toBe('side');
    expect(play(s, [`${EMPATHY} The change was right.`]).session.state).toBe('open');
  });
});

describe('near the edge: what escalates', () => {
  const edge = (effects: Record<string, number>) => scenario([], { mood: { start: 85, escalateAt: 90, effects } });

  it('a polite question never pushes the customer over the edge; a reply that moves nothing does', () => {
    const s = edge({ smalltalk: 10, nothing: 10 });
    const asked = play(s, ['Nice weather today, isn’t it?']).session;
    expect(asked.ended).toBeUndefined();
    expect(asked.anger).toBe(89);
    expect(play(s, [PLAIN]).session.ended?.outcome).toBe('escalated');
  });

  it('a question with jargon does push the customer over the edge', () => {
    const s = edge({ jargon: 10 });
    expect(play(s, ['How much did you give me, per the POS HLR?']).session.ended?.outcome).toBe('escalated');
  });

  it('reaching escalateAt exactly escalates', () => {
    const s = edge({ nothing: 5 });
    expect(play(s, [PLAIN]).session.ended?.outcome).toBe('escalated');
  });

  it('the escalation is told by its cause: blaming in a move counts as an insult, jargon as jargon', () => {
    // The customer is already at the edge: any reply ends the session, told by what it did.
    const s = scenario([{ to: 'side', intent: 'blame' }], { mood: { start: 90, escalateAt: 90, effects: { jargon: 10, nothing: 10 } } });
    const blame = play(s, ['The change was right.']).last.understanding?.ending;
    expect(blame).toEqual({ outcome: 'escalated', cause: 'insulted' });
    const jargon = play(s, ['The change was right, the POS HLR is fine.']).last.understanding?.ending;
    expect(jargon).toEqual({ outcome: 'escalated', cause: 'jargon' });
    const noMove = scenario([], { mood: { start: 90, escalateAt: 90, effects: { nothing: 10 } } });
    expect(play(noMove, ['The change was right.']).last.understanding?.ending).toEqual({ outcome: 'escalated', cause: 'ignored' });
  });
});

describe('after an interruption or a reaction', () => {
  it('a reaction to jargon is followed by the customer’s own line again', () => {
    expect(said(play(scenario([]), ['It is an HLR fault.']).last).slice(1)).toEqual(['Well?']);
  });

  it('a customer cut off only protests, without repeating their line', () => {
    const s = scenario(
      [],
      {},
      { lines: [{ 'zh-CN': ['你们找错钱了。', '少了五十。'], en: ['You gave me the wrong change.', 'Fifty short.'] }] },
    );
    const pacing = { enabled: true, msPerChar: 50, minPauseMs: 500, maxPauseMs: 2000 };
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 1_000, pacing });
    expect(replyToSession(s, session, PLAIN, 1_001).output.lines.map((l) => l.ref)).toEqual(['interrupted']);
  });

  it('a word the customer used a turn ago is still their own, not the trainee’s jargon', () => {
    const s = scenario([], {}, { lines: [say('My router APN is broken.', '我的路由器APN坏了。')] });
    expect(play(s, [PLAIN, 'Is it the APN?']).last.evaluation.detected.jargon).toBe(false);
  });
});

describe('what the customer quotes back', () => {
  it('a jargon reaction quotes the jargon, not the kind words before it', () => {
    const r = play(scenario([]), [`${EMPATHY} It is an HLR fault.`]).last;
    const reaction = r.output.lines.find((l) => l.ref === 'jargon')!;
    expect(words(reaction)).toContain('HLR');
    expect(words(reaction)).not.toContain('frustrating');
  });

  it('only an over-promise is held against the trainee later, not jargon', () => {
    const { results } = play(scenario([]), ['It is an HLR fault.', PLAIN, PLAIN, PLAIN, PLAIN]);
    expect(results.some((r) => reactions(r).includes('promise-recalled'))).toBe(false);
  });
});

describe('old sessions and ended sessions', () => {
  it('an over-promise stored as text only (an older session) is recalled once it falls due', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 3, now: 0 });
    let current: SessionStateJson = { ...session, promises: ['I guarantee a refund today'] } as SessionStateJson;
    const recalled: boolean[] = [];
    for (let i = 1; i <= 3; i++) {
      const r = replyToSession(s, current, PLAIN, i * MINUTE);
      recalled.push(reactions(r).includes('promise-recalled'));
      current = r.session;
    }
    expect(recalled).toEqual([false, false, true]);
  });

  it('an ended session reports nothing heard, detected or applicable', () => {
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }]);
    const { session } = play(s, [EMPATHY, 'Goodbye.']);
    const after = replyToSession(s, session, EMPATHY, 5 * MINUTE);
    expect(after.listening).toEqual({ question: false, restate: false, confirm: false });
    expect(after.interrupted).toBe(false);
    expect(Object.values(after.evaluation.detected).some(Boolean)).toBe(false);
    expect(Object.values(after.evaluation.applicable).some(Boolean)).toBe(false);
  });

  it('a stored session that is not an object is refused as such', () => {
    const s = scenario([]);
    expect(() => replyToSession(s, null as unknown as SessionStateJson, PLAIN, MINUTE)).toThrow('not a session');
    expect(() => replyToSession(s, 'session' as unknown as SessionStateJson, PLAIN, MINUTE)).toThrow('not a session');
  });

  it('a resolution ends with its own lines, even where a scenario writes lines by cause', () => {
    const s = scenario([{ to: 'end:resolved', shows: ['empathy'] }]);
    s.endings.resolved = { lines: [say('Thank you.')], causes: { ignored: [say('Not listened.')] } };
    expect(said(play(s, [EMPATHY]).last)).toEqual(['Thank you.']);
  });

  it('the hint is the current state’s', () => {
    const s = scenario([]);
    s.states[1]!.hint = { 'zh-CN': '接着核对', en: 'Keep checking' };
    const { session } = play(s, [CHECK]);
    expect(session.state).toBe('next');
    expect(hint(s, session, 'en')).toBe('Keep checking');
  });
});

describe('the turn log and the trace', () => {
  it('keeps the first six intents a reply is recognised as', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ id: `check-${i + 1}`, patterns: [{ any: ['check'] }] }));
    const s = scenario([], { intents: seven });
    expect(turnLog(play(s, ['Let me check the receipt now.']).session)[0]!.intents).toEqual(seven.slice(0, 6).map((i) => i.id));
    expect(turnLog(play(s, [PLAIN]).session)[0]!.intents).toBeUndefined();
  });

  it('keeps the customer’s words as heard, joined by a space in English and without one in Chinese', () => {
    const lines = [{ 'zh-CN': ['你好。', '找错钱了。'], en: ['Hello.', 'Wrong change.'] }];
    const s = scenario([], {}, { lines });
    expect(turnLog(play(s, [PLAIN]).session)[0]!.customer).toBe('Hello. Wrong change.');
    expect(turnLog(play(s, ['好的。'], 'zh-CN').session)[0]!.customer).toBe('你好。找错钱了。');
  });

  it('logs faults as findings, sympathy as credit, and other checks apart, each where it belongs', () => {
    const s = scenario([], { mood: { start: 20, escalateAt: 95, effects: {} } });
    s.persona = { ...s.persona, surnameKnown: true };
    const kind = turnLog(play(s, [EMPATHY]).session)[0]!;
    expect(kind.findings).toEqual([]);
    expect(new Set(kind.credited?.map((c) => c.evaluator))).toEqual(new Set(['empathy']));
    expect(kind.checks).toEqual([]);
    const rude = turnLog(play(s, ['Calm down, it is not a big deal.']).session)[0]!;
    expect(rude.findings.map((f) => f.evaluator)).toContain('provocative');
    expect(rude.credited).toBeUndefined();
    expect(rude.checks).toContainEqual({ check: 'provocative', good: false });
    const addressed = turnLog(play(s, ['Mrs Wang, I will not check the receipt.']).session)[0]!;
    expect(addressed.checks).toEqual([{ check: 'addressing', good: true }]);
    expect(addressed.findings).toEqual([]);
    expect(addressed.credited).toBeUndefined();
    // A command worded badly is a check of its own, not a fault among the five.
    const command = turnLog(play(s, ['You must show me the receipt.']).session)[0]!;
    expect(command.checks).toEqual([{ check: 'requestWording', good: false }]);
    expect(command.findings).toEqual([]);
    // However many a reply sets off, a turn logs four: the log is kept with the session.
    const many = 'Calm down. That is your problem. You must wait. You have to queue. Whatever. You need to stop shouting.';
    expect(turnLog(play(s, [many]).session)[0]!.checks).toHaveLength(4);
  });

  it('the trace shows clauses trimmed and negated concepts marked', () => {
    const r = play(scenario([]), ['Mrs Wang, I will not check the receipt.']).last;
    const clause = r.understanding!.clauses.at(-1)!;
    expect(clause.text).toBe('I will not check the receipt');
    expect(clause.concepts).toContain('not check');
  });
});
