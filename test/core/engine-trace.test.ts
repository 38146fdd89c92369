// What the engine tells a trainer about a turn (`roleplay play --trace`, the turn log
// behind the score card) and how the customer's patience and memory run over several
// turns: each test fails when that behaviour is removed. Through scenarios/index.ts,
// on a small scenario built from the library's wrong-change customer.
import { describe, expect, it } from 'vitest';
import { endSession, replyToSession, sessionOutcome, startSession } from '../../scenarios/index.ts';
import type { Scenario, SessionStateJson, Transition } from '../../scenarios/index.ts';
import { MINUTE, play as playFrom, say, smallScenario } from './unit-scenario.ts';

function scenario(transitions: Transition[], over: Partial<Scenario> = {}): Scenario {
  return smallScenario(
    'trace',
    {
      mood: { start: 40, escalateAt: 95, effects: { nothing: 3, empathy: -5, problemSolving: -5, jargon: 4, promises: 4 } },
      intents: ['check', 'blame'],
      states: [
        {
          id: 'open',
          lines: [say('You gave me the wrong change.', '你们找错钱了。')],
          again: [say('Well?', '然后呢？')],
          waiting: [say('I am waiting for you to count the till.', '我等你点钱箱呢。')],
          transitions,
        },
        { id: 'middle', lines: [say('Go on.', '你说。')], transitions: [{ to: 'near', intent: 'check' }] },
        { id: 'near', lines: [say('Nearly there.', '差不多了。')], transitions: [{ to: 'end:resolved', intent: 'check' }] },
      ],
    },
    over,
  );
}

const play = (s: Scenario, replies: string[], locale: 'zh-CN' | 'en' = 'en') => playFrom(s, replies, locale, 5);

const text = (r: { output: { lines: { parts: { text: string }[] }[] } }) => r.output.lines.map((l) => l.parts.map((p) => p.text).join(''));
const CHECK = 'Let me check the receipt now.';
const PLAIN = 'Okay.';
const EMPATHY = 'That must be really frustrating, I understand.';

describe('the trace of a turn', () => {
  it('names the transition taken and every condition that allowed it', () => {
    const s = scenario([{ to: 'middle', intent: ['refund', 'check'], avoids: ['jargon', 'promises'], angerAtMost: 60, angerAtLeast: 10 }]);
    expect(play(s, [CHECK]).last.understanding?.transition).toEqual({
      from: 'open',
      to: 'middle',
      why: 'intent refund|check, avoids jargon+promises, anger ≥ 10, anger ≤ 60',
    });
    const shows = scenario([{ to: 'middle', shows: ['empathy', 'problemSolving'], unless: ['blame', 'refund'] }]);
    expect(play(shows, [`${EMPATHY} ${CHECK}`]).last.understanding?.transition?.why).toBe(
      'shows empathy+problemSolving, unless blame|refund',
    );
    expect(play(scenario([{ to: 'middle', intent: 'check' }]), [CHECK]).last.understanding?.transition?.why).toBe('intent check');
    expect(play(scenario([{ to: 'middle' }]), [PLAIN]).last.understanding?.transition?.why).toBe('always');
    expect(play(scenario([{ to: 'middle', intent: 'check' }]), [PLAIN]).last.understanding?.transition).toBeUndefined();
  });

  it("takes a step reported done and the next state's move in the same reply as both, forward only", () => {
    const chain = (to: string): Scenario =>
      smallScenario('chain', {
        intents: ['check', 'refund'],
        states: [
          { id: 'open', lines: [say('You gave me the wrong change.')], transitions: [{ to: 'counted', intent: 'check' }] },
          {
            id: 'counted',
            lines: [say('Well? What did you find?')],
            transitions: [
              { to, intent: 'refund' },
              { to: 'end:resolved', intent: 'check' },
            ],
          },
        ],
      });
    const done = "I've counted the till and you're right, here's your fifty back.";
    expect(play(chain('end:resolved'), [done]).last.understanding?.transition).toEqual({
      from: 'open',
      to: 'end:resolved',
      why: 'intent check → counted, intent refund',
    });
    expect(
      play(chain('end:resolved'), ['我已经把钱箱点过了，您说得对，这五十块您拿好。'], 'zh-CN').last.understanding?.transition?.to,
    ).toBe('end:resolved');
    // Only announced, the count takes its time: the customer waits for what it finds.
    const announced = play(chain('end:resolved'), ["I'll count the till and then give you your fifty back."]).last.understanding;
    expect(announced?.transition).toEqual({ from: 'open', to: 'counted', why: 'intent check' });
    // Never on to a state farther from the resolution.
    expect(play(chain('open'), [done]).last.understanding?.transition?.to).toBe('counted');
  });

  it('a step reported done alone moves one state; the next move needs words of its own, forward', () => {
    const states = (next: Transition[]): Scenario =>
      smallScenario('steps', {
        intents: ['check', 'refund'],
        states: [
          { id: 'open', lines: [say('You gave me the wrong change.')], transitions: [{ to: 'counted', intent: 'check' }] },
          { id: 'counted', lines: [say('Well? What did you find?')], transitions: next },
          { id: 'aside', lines: [say('And now?')], transitions: [{ to: 'end:resolved', intent: 'check' }] },
        ],
      });
    const to = (s: Scenario, reply: string) => play(s, [reply]).last.understanding?.transition?.to;
    const resolving = states([{ to: 'end:resolved', intent: 'check' }]);
    // The same step twice in one reply is still one step.
    expect(to(resolving, "I've counted the till.")).toBe('counted');
    expect(to(resolving, "I've counted the till, and I've checked it again.")).toBe('counted');
    // The next move named with one of its intents is enough; a step already used is not named again.
    const either = states([{ to: 'end:resolved', intent: ['refund', 'check'] }]);
    expect(to(either, "I've counted the till and you're right, here's your fifty back.")).toBe('end:resolved');
    // A state no nearer the resolution is not worth the jump.
    const sideways = states([
      { to: 'aside', intent: 'refund' },
      { to: 'end:resolved', intent: 'check' },
    ]);
    expect(to(sideways, "I've counted the till and you're right, here's your fifty back.")).toBe('counted');
  });

  it("only the customer's surname, said back, earns the credit for it; other kind words do not", () => {
    const s = smallScenario('surname', {
      intents: ['check'],
      mood: { start: 40, escalateAt: 95, effects: { nothing: 0, empathy: 0, problemSolving: 0, addressedBySurname: -20 } },
      states: [{ id: 'open', lines: [say("I'm Mrs Wang. You gave me the wrong change.")], again: [say('Well?')], transitions: [] }],
    });
    expect(play(s, [EMPATHY]).last.understanding!.anger).toEqual([40, 40]);
    expect(play(s, [`Mrs Wang, ${EMPATHY.toLowerCase()}`]).last.understanding!.anger).toEqual([40, 20]);
  });

  it('gives the anger before and after the reply and the mood it leaves', () => {
    const s = scenario([], { mood: { start: 49, escalateAt: 95, effects: { nothing: 1, jargon: 28 } } });
    const calm = play(s, [EMPATHY]).last.understanding!;
    expect(calm.anger).toEqual([49, 39]);
    expect(calm.mood).toBe('calm');
    const annoyed = play(s, [PLAIN]).last.understanding!;
    expect(annoyed.anger).toEqual([49, 50]);
    expect(annoyed.mood).toBe('annoyed');
    const furious = play(s, ['It is an HLR fault.']).last.understanding!;
    expect(furious.anger).toEqual([49, 77]);
    expect(furious.mood).toBe('annoyed');
    expect(play(s, ['It is an HLR fault.', PLAIN]).last.understanding!.mood).toBe('furious');
  });

  it('lists the reply’s clauses with what each does and the intents recognised', () => {
    const u = play(scenario([]), [CHECK]).last.understanding!;
    expect(u.intents.map((i) => i.id)).toEqual(['check']);
    expect(u.clauses.map((c) => c.text)).toEqual(['Let me check the receipt now']);
    expect(u.clauses[0]!.acts).toContain('offer');
    expect(u.clauses[0]!.concepts).toContain('check');
    // A concept negated, or in words the customer said first, is marked so.
    const negated = play(scenario([]), ['I will not check the receipt.']).last.understanding!;
    expect(negated.clauses[0]!.concepts).toContain('not check');
    const theirs = play(scenario([]), ['You yourself should check the receipt.']).last.understanding!;
    expect(theirs.clauses[0]!.concepts).toEqual(['customer-does', 'customer check', 'customer receipt']);
  });

  it('names the outcome of an ending and its cause, with no cause for a resolution', () => {
    const ending = scenario([{ to: 'end:resolved', intent: 'check' }]);
    expect(play(ending, [CHECK]).last.understanding?.ending).toEqual({ outcome: 'resolved', cause: '' });
    const limit = scenario([], { turnLimit: 1 });
    expect(play(limit, [PLAIN]).last.understanding?.ending).toEqual({ outcome: 'turn-limit', cause: 'ignored' });
    expect(play(limit, ['It is an HLR fault.']).last.understanding?.ending).toEqual({ outcome: 'turn-limit', cause: 'jargon' });
  });

  it('a transition taken on blame ends, when it ends the session, as an insult', () => {
    const s = scenario([{ to: 'end:abandoned', intent: 'blame' }]);
    const { last } = play(s, ['You must have counted it wrong yourself.']);
    expect(last.understanding?.ending).toEqual({ outcome: 'abandoned', cause: 'insulted' });
  });
});

describe('the turn log behind the score card', () => {
  it('keeps what the customer said and the reply, long ones cut to 160 characters', () => {
    const long = `${'a'.repeat(200)} I understand.`;
    const s = scenario([]);
    s.states[0]!.lines = [say(`${'b'.repeat(170)}.`)];
    const { session } = play(s, [long]);
    const log = (session as unknown as { log: { customer: string; reply: string }[] }).log;
    expect(log[0]!.reply).toBe(`${'a'.repeat(159)}…`);
    expect(log[0]!.customer).toBe(`${'b'.repeat(159)}…`);
    const exact = play(scenario([]), ['c'.repeat(160)]).session as unknown as { log: { reply: string }[] };
    expect(exact.log[0]!.reply).toBe('c'.repeat(160));
    const short = play(scenario([]), [PLAIN]).session as unknown as { log: { customer: string; reply: string }[] };
    expect(short.log[0]).toMatchObject({ customer: 'You gave me the wrong change.', reply: PLAIN });
  });

  it('keeps at most four faults and four credits per turn, and credits quote the clause', () => {
    const reply = 'HLR, VLR, OCS, BOSS and CRM are all down, I understand how you feel, I will check the receipt now.';
    const { session } = play(scenario([]), [reply]);
    const log = (
      session as unknown as {
        log: { findings: { evaluator: string; text: string }[]; credited?: { evaluator: string; text: string }[]; detected: string[] }[];
      }
    ).log[0]!;
    expect(log.findings).toHaveLength(4);
    expect(log.findings.every((f) => f.evaluator === 'jargon')).toBe(true);
    expect(log.detected).toEqual(expect.arrayContaining(['jargon', 'empathy', 'problemSolving']));
    expect(log.credited?.map((c) => c.text)).toEqual(expect.arrayContaining(['I understand how you feel', 'I will check the receipt now']));
  });

  it('a reply that is not text is read as its text form, and nothing at all as an empty reply', () => {
    const s = scenario([]);
    const { session } = startSession(s, { locale: 'en', seed: 5, now: 0 });
    const none = replyToSession(s, session, undefined as unknown as string, MINUTE);
    expect(none.evaluation.findings).toEqual([]);
    expect((none.session as unknown as { log: { reply: string }[] }).log[0]!.reply).toBe('');
    const number = replyToSession(s, session, 42 as unknown as string, MINUTE);
    expect((number.session as unknown as { log: { reply: string }[] }).log[0]!.reply).toBe('42');
  });
});

describe('patience and memory over several turns', () => {
  it('after two replies that move nothing the customer says what they are waiting for, then every second miss', () => {
    const { results } = play(scenario([]), [PLAIN, PLAIN, PLAIN, PLAIN]);
    expect(results.map((r) => text(r)[0])).toEqual([
      'Well?',
      'I am waiting for you to count the till.',
      'Well?',
      'I am waiting for you to count the till.',
    ]);
    // The trace names which list each line came from.
    expect(results.map((r) => r.output.lines[0]!.ref)).toEqual(['open', 'open:waiting', 'open', 'open:waiting']);
  });

  it('a move resets the count of misses', () => {
    const s = scenario([{ to: 'middle', intent: 'check' }]);
    s.states[1]!.waiting = [say('Still waiting.')];
    s.states[1]!.again = [say('And?')];
    const { results } = play(s, [PLAIN, CHECK, PLAIN, PLAIN]);
    expect(results.map((r) => text(r)[0])).toEqual(['Well?', 'Go on.', 'And?', 'Still waiting.']);
  });

  it('a promise broken by a refusal comes back at once, before it falls due', () => {
    const { results } = play(scenario([]), ['I guarantee you will get every cent back today.', 'No, we cannot refund you.']);
    expect(results[1]!.output.lines.some((l) => l.ref === 'promise-recalled')).toBe(true);
  });

  it('a promise taken back holds the customer where they are for that reply; the next reply can move them', () => {
    const s = scenario([{ to: 'end:resolved', intent: 'check' }]);
    const promise = "I'll give you your money back right now, I promise.";
    const { results } = play(s, [promise, "No, I can't give you money back, but let me check the receipt now.", CHECK]);
    expect(results[1]!.output.lines.map((l) => l.ref)).toEqual(['promise-recalled']);
    expect(sessionOutcome(results[1]!.session)).toBeUndefined();
    expect(sessionOutcome(results[2]!.session)).toBe('resolved');
  });

  it('a promise whose words open the reply is held to as well', () => {
    const s = scenario([{ to: 'end:resolved', intent: 'check' }]);
    const { results } = play(s, [
      'I guarantee you will get every cent back today.',
      "No, I can't give you money back, but let me check the receipt now.",
      CHECK,
    ]);
    expect(results[1]!.output.lines.map((l) => l.ref)).toEqual(['promise-recalled']);
    expect(sessionOutcome(results[1]!.session)).toBeUndefined();
    expect(sessionOutcome(results[2]!.session)).toBe('resolved');
  });

  it('a promise said in a sentence of its own after what it vouches for is held to that', () => {
    const s = scenario([{ to: 'end:resolved', intent: 'check' }]);
    for (const [promise, refusal, locale] of [
      ['Your money will be back today. I promise.', "No, I can't give you money back, but let me check the receipt now.", 'en'],
      ['您的钱今天就能拿回来。我保证。', '不好意思，钱我这边退不了，我先帮您核对一下小票。', 'zh-CN'],
    ] as const) {
      const { results } = play(s, [promise, refusal], locale);
      expect(
        results[1]!.output.lines.map((l) => l.ref),
        promise,
      ).toEqual(['promise-recalled']);
      expect(sessionOutcome(results[1]!.session), promise).toBeUndefined();
    }
  });

  it('a refusal of what was promised holds the customer back beside a refusal about another matter', () => {
    const s = scenario([{ to: 'end:resolved', intent: 'check' }]);
    const { results } = play(s, [
      'I guarantee you will get every cent back today.',
      "We can't open the safe. I can't give you money back, but let me check the receipt now.",
    ]);
    expect(results[1]!.output.lines.map((l) => l.ref)).toEqual(['promise-recalled']);
    expect(sessionOutcome(results[1]!.session)).toBeUndefined();
  });

  it('a refusal about another matter brings the promise back but does not hold the customer back', () => {
    const s = scenario([{ to: 'end:resolved', intent: 'check' }]);
    const { results } = play(s, [
      'I guarantee you will get every cent back today.',
      "We can't open the safe. Let me check the receipt now.",
    ]);
    expect(results[1]!.output.lines.some((l) => l.ref === 'promise-recalled')).toBe(true);
    expect(sessionOutcome(results[1]!.session)).toBe('resolved');
  });

  it('only the refusing clause can take a promise back, and a setback still happens', () => {
    const promise = "I'll give you your money back right now, I promise.";
    const moved = play(scenario([{ to: 'end:resolved', intent: 'check' }]), [
      promise,
      "We can't open the safe. Let me check the money and the receipt now.",
    ]);
    expect(sessionOutcome(moved.results[1]!.session)).toBe('resolved');
    const worse = play(scenario([{ to: 'end:escalated', intent: 'blame' }]), [
      promise,
      "No, I can't give you money back, it's your own fault.",
    ]);
    expect(sessionOutcome(worse.results[1]!.session)).toBe('escalated');
  });

  it('a promise made in another state does not fall due while the customer has moved on', () => {
    const s = scenario([{ to: 'middle', intent: 'check' }]);
    const { results } = play(s, ['I guarantee you will get every cent back today.', CHECK, PLAIN, PLAIN, PLAIN]);
    expect(results.map((r) => r.output.lines.some((l) => l.ref === 'promise-recalled'))).toEqual([false, false, false, false, false]);
  });

  it('remembers at most three over-promises and recalls them in the order made', () => {
    const promises = [
      'I guarantee you will get every cent back today.',
      'I promise this will never happen again, 100%.',
      'I guarantee the manager will call you within five minutes.',
      'I guarantee a full month free.',
    ];
    const { session } = play(scenario([]), promises);
    const kept = (session as unknown as { promises: { text: string; turn: number; state: string }[] }).promises;
    expect(kept).toHaveLength(3);
    expect(kept.map((p) => p.turn)).toEqual([1, 2, 3]);
    expect(kept.every((p) => p.state === 'open')).toBe(true);
    expect(kept[0]!.text).toBe('I guarantee you will get every cent back today');
  });

  it('the most advanced move wins when several transitions match, a setback before any', () => {
    const forward = scenario([
      { to: 'middle', intent: 'check' },
      { to: 'near', intent: 'check' },
    ]);
    expect(play(forward, [CHECK]).session).toMatchObject({ state: 'near' });
    const setback = scenario([
      { to: 'near', intent: 'check' },
      { to: 'end:escalated', intent: 'check' },
    ]);
    expect(play(setback, [CHECK]).session.ended?.outcome).toBe('escalated');
  });

  it('ending a session early closes it with the reason’s lines', () => {
    const s = scenario([]);
    const { session } = play(s, [PLAIN]);
    const ended = endSession(s, session as SessionStateJson, 5 * MINUTE, 'abandoned');
    expect(ended.session.ended).toEqual({ outcome: 'abandoned', at: 5 * MINUTE });
    expect(ended.output.ending).toEqual({ outcome: 'abandoned', ref: 'abandoned' });
    expect(ended.output.lines.map((l) => l.kind)).toEqual(['ending']);
  });
});
