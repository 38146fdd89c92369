// The engine as the bot and the CLI rely on it: seeded, JSON, time from the caller.
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, startSession, endSession, hint } from './index.ts';
import type { PacingOptions } from './index.ts';
import { nextRandom } from './engine.ts';
import { recognise } from './intents.ts';

const { scenarios } = loadLibrary();
const wrongChange = scenarios.get('wrong-change')!;
const PACED: PacingOptions = { enabled: true, msPerChar: 50, minPauseMs: 500, maxPauseMs: 2000 };
const text = (lines: { parts: { text: string }[] }[]) => lines.flatMap((l) => l.parts.map((p) => p.text)).join('|');

describe('engine', () => {
  it('the same seed gives the same customer, across every scenario', () => {
    for (const scenario of scenarios.values()) {
      const a = startSession(scenario, { locale: 'zh-CN', seed: 42, now: 0 });
      const b = startSession(scenario, { locale: 'zh-CN', seed: 42, now: 0 });
      expect(text(a.output.lines)).toBe(text(b.output.lines));
    }
  });

  it('draws its randomness as mulberry32 does, so a seed picks the same lines in every version', () => {
    const draws = (seed: number) => {
      const session = { rng: seed } as Parameters<typeof nextRandom>[0];
      return [nextRandom(session), nextRandom(session), nextRandom(session)];
    };
    expect(draws(1)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(draws(42)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('a reply while the customer is still speaking is an interruption, and only the heard parts count', () => {
    const { session, output } = startSession(wrongChange, { locale: 'en', seed: 1, now: 1_000, pacing: PACED });
    expect(output.lines[0]!.parts.length).toBeGreaterThan(1);
    expect(output.lines[0]!.parts[1]!.atMs).toBeGreaterThan(0);
    expect(session.speakingUntil).toBeGreaterThan(1_000);
    const early = replyToSession(wrongChange, session, 'Please take your time.', 1_001);
    expect(early.interrupted).toBe(true);
    expect(text(early.output.lines)).toMatch(/finish/i);
    const late = replyToSession(wrongChange, session, 'Please take your time.', session.speakingUntil + 1);
    expect(late.interrupted).toBe(false);
  });

  it('sessions are small JSON that survive a round trip', () => {
    let { session } = startSession(wrongChange, { locale: 'zh-CN', seed: 5, now: 0 });
    for (let i = 1; i <= 6; i++)
      session = JSON.parse(JSON.stringify(replyToSession(wrongChange, session, '嗯嗯，好的好的', i * 60_000).session));
    expect(session.v).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(session).length).toBeLessThan(16_384);
  });

  it('never changes the session it is given: a trainee re-sending a turn gets the same answer', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    let { session } = startSession(wrongChange, { locale: 'zh-CN', seed: 9, now: 0 });
    const replies = [
      '你先听我说,不可能少找的',
      '非常抱歉,我保证马上给您全部退款',
      '我理解您的心情,我马上清点钱箱',
      '确实少找了您二十元,这是给您的',
    ];
    for (const [i, reply] of replies.entries()) {
      const before = JSON.stringify(session);
      const frozen = deepFreeze(JSON.parse(before) as typeof session);
      const first = replyToSession(wrongChange, frozen, reply, (i + 1) * 60_000);
      const again = replyToSession(wrongChange, frozen, reply, (i + 1) * 60_000);
      expect(JSON.stringify(frozen)).toBe(before);
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      session = first.session;
    }
    const frozen = deepFreeze(JSON.parse(JSON.stringify(session)) as typeof session);
    expect(() => endSession(wrongChange, frozen, 10 * 60_000, 'abandoned')).not.toThrow();
  });

  it('ending a session early gives a card with the outcome, and hints exist in both locales', () => {
    const { session } = startSession(wrongChange, { locale: 'en', seed: 1, now: 0 });
    expect(hint(wrongChange, session, 'en')).not.toBe('');
    expect(hint(wrongChange, session, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
    const ended = endSession(wrongChange, session, 10, 'abandoned');
    expect(ended.card.outcome).toBe('abandoned');
    expect(ended.card.scenarioId).toBe('wrong-change');
    // Ended twice (a second "end", a timeout after it), it stays as it ended and the customer says nothing more.
    const again = endSession(wrongChange, ended.session, 20, 'turn-limit');
    expect(again.output.lines).toEqual([]);
    expect(again.card.outcome).toBe('abandoned');
  });
});

describe('the library', () => {
  it('ships the eight scenarios with no validation errors', () => {
    const library = loadLibrary();
    expect(library.errors).toEqual([]);
    expect([...library.scenarios.keys()].sort()).toEqual([
      '3g-number-migration',
      'angry-contractor',
      'bill-repeat-caller',
      'new-phone-fails',
      'paid-still-cut-off',
      'sms-not-received',
      'sorry-is-not-enough',
      'wrong-change',
    ]);
  });

  it('has every line in both zh-CN and en, with the same number of parts', () => {
    const problems: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (!value || typeof value !== 'object') return;
      const obj = value as Record<string, unknown>;
      if ('zh-CN' in obj || 'en' in obj) {
        if (!obj['zh-CN'] || !obj.en) problems.push(`${path}: missing a locale`);
        else if (
          Array.isArray(obj['zh-CN']) &&
          path.includes('lines') &&
          (obj['zh-CN'] as unknown[]).length !== (obj.en as unknown[]).length
        )
          problems.push(`${path}: parts differ between locales`);
      }
      for (const [k, v] of Object.entries(obj)) if (k !== 'zh-CN' && k !== 'en') walk(v, `${path}.${k}`);
    };
    for (const s of scenarios.values()) walk({ ...s, evaluation: { ...s.evaluation, extraJargon: undefined } }, s.id);
    expect(problems).toEqual([]);
  });
});

describe('the customer hears meaning, not just keywords', () => {
  it('"no need to check" is not taken as checking', () => {
    expect(recognise('不用核对了，我直接退给您五十块', 'zh-CN', wrongChange.intents)).not.toContain('check');
    expect(recognise('No need to check it, here is your fifty.', 'en', wrongChange.intents)).not.toContain('check');
    expect(recognise('我马上核对一下小票', 'zh-CN', wrongChange.intents)).toContain('check');
  });

  it('holds the trainee to the promise itself when it is broken, not on the next turn', () => {
    let s = startSession(wrongChange, { locale: 'en', seed: 1, now: 0 }).session;
    s = replyToSession(wrongChange, s, 'I guarantee you will get every cent back today.', 100_000).session;
    const next = replyToSession(wrongChange, s, 'Let me count the till now.', 200_000);
    expect(text(next.output.lines)).not.toContain('I guarantee');
    const broken = replyToSession(wrongChange, next.session, "Sorry, I can't give you anything back today.", 300_000);
    expect(text(broken.output.lines)).toContain('I guarantee you will get every cent back today');
  });
});
