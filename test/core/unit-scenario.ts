// Shared by the engine's behaviour tests: small scenarios are built from the library's
// wrong-change customer, so that only the behaviour under test can move them.
import type { InputLocale } from '../../evaluators/index.ts';
import { loadLibrary, replyToSession, startSession, type Scenario, type State } from '../../scenarios/index.ts';

export const library = loadLibrary().scenarios;
export const MINUTE = 60_000;

/** One line variant, the same words in both locales unless a Chinese one is given. */
export const say = (en: string, zh = en) => ({ 'zh-CN': [zh], en: [en] });

/** A fresh copy of the wrong-change scenario to build a small one from. */
export const wrongChange = (): Scenario => structuredClone(library.get('wrong-change')!);

/**
 * A small scenario built from the wrong-change customer: only the library intents named, the
 * given states (the first is where it starts), no weights of its own, twelve turns; `over`
 * replaces anything else.
 */
export function smallScenario(
  id: string,
  parts: { intents: string[]; states: State[]; mood?: Scenario['mood'] },
  over: Partial<Scenario> = {},
): Scenario {
  const base = wrongChange();
  return {
    ...base,
    id,
    ...(parts.mood ? { mood: parts.mood } : {}),
    turnLimit: 12,
    intents: base.intents.filter((i) => parts.intents.includes(i.id)),
    start: parts.states[0]!.id,
    states: parts.states,
    evaluation: {},
    ...over,
  };
}

/** Plays the replies one minute apart (never interrupting) from a session started with `seed`. */
export function play(s: Scenario, replies: string[], locale: InputLocale = 'en', seed = 3) {
  let { session } = startSession(s, { locale, seed, now: 0 });
  const results = [];
  for (const [i, reply] of replies.entries()) {
    const r = replyToSession(s, session, reply, (i + 1) * MINUTE);
    results.push(r);
    session = r.session;
  }
  return { session, results, last: results.at(-1)! };
}
