// A small stand-in for the scenario engine, so bot tests do not depend on scenario content:
// one customer, two-part lines, three replies to the end, the real evaluators scoring.
import { DIMENSIONS, type ScoreCard, type RuleLocale, evaluateReply, replyListening } from '../../evaluators/index.ts';
import type { SessionStateJson, TurnOutput } from '../../scenarios/index.ts';
import type { EnginePort, ScenarioInfo } from '../conversation/engine-port.ts';

const SCENARIO: ScenarioInfo = {
  id: 'wrong-change',
  title: { 'zh-CN': '找错零钱', en: 'Wrong change' },
  setting: { 'zh-CN': '超市收银台', en: 'Supermarket checkout' },
  difficulty: 2,
  locales: ['zh-CN', 'en'],
};

interface FakeSession extends SessionStateJson {
  scores: Record<string, number[]>;
  quotes: { turn: number; text: string }[];
}

function line(text: string[], pacing = 0): TurnOutput {
  return { lines: [{ kind: 'state', ref: 's', parts: text.map((t, i) => ({ text: t, atMs: i * pacing })) }] };
}

function card(session: FakeSession): ScoreCard {
  const dims = Object.fromEntries(
    DIMENSIONS.map((d) => {
      const s = session.scores[d] ?? [];
      return [d, s.length ? Math.round(s.reduce((a, b) => a + b, 0) / s.length) : null];
    }),
  ) as ScoreCard['dimensions'];
  const values = Object.values(dims).filter((v): v is number => v !== null);
  return {
    scenarioId: 'wrong-change',
    title: SCENARIO.title[session.locale] ?? 'wrong-change',
    locale: session.locale,
    outcome: session.ended?.outcome ?? 'abandoned',
    turns: session.turns,
    dimensions: dims,
    overall: values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : 0,
    servqual: { tangibles: null, empathy: null, professionalism: null, reliability: null, responsiveness: null },
    quadrant: { technical: 50, personal: 50, style: 'production', label: 'production' },
    tips: session.quotes.slice(0, 3).map((q) => ({
      dimension: 'empathy',
      turn: q.turn,
      quote: q.text,
      message: 'acknowledge the feeling',
      suggestion: 'I understand how annoying that is.',
    })),
    extras: {},
  };
}

export function fakeEngine(pacingMs = 0): EnginePort {
  return {
    scenarios: new Map([[SCENARIO.id, SCENARIO]]),
    startSession(_s, options) {
      const locale: RuleLocale = options.locale === 'en' ? 'en' : 'zh-CN';
      const session: FakeSession = {
        v: 1,
        scenarioId: 'wrong-change',
        locale,
        mode: options.mode ?? 'practice',
        turns: 0,
        anger: 60,
        speakingUntil: options.now + pacingMs,
        scores: {},
        quotes: [],
      };
      return { session, output: line(['You gave me the wrong change!', 'I want it fixed now.'], pacingMs) };
    },
    replyToSession(_s, raw, text, now) {
      const prev = raw as FakeSession;
      const interrupted = now < prev.speakingUntil;
      const evaluation = evaluateReply(text, { locale: prev.locale, customer: 'You gave me the wrong change!', interrupted });
      const listening = replyListening(text, 'You gave me the wrong change!', prev.locale);
      const scores = { ...prev.scores };
      for (const d of DIMENSIONS) if (evaluation.applicable[d]) scores[d] = [...(scores[d] ?? []), evaluation.scores[d]];
      const session: FakeSession = {
        ...prev,
        turns: prev.turns + 1,
        scores,
        quotes: [...prev.quotes, { turn: prev.turns + 1, text }],
        speakingUntil: now + pacingMs,
      };
      if (session.turns >= 3) {
        session.ended = { outcome: 'resolved', at: now };
        return {
          session,
          output: {
            lines: [{ kind: 'ending', ref: 'e', parts: [{ text: 'Fine, thanks.', atMs: 0 }] }],
            ending: { outcome: 'resolved', ref: 'e' },
          },
          evaluation,
          listening,
          reading: { keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false },
          interrupted,
          clipped: false,
        };
      }
      return {
        session,
        output: line([interrupted ? 'Let me finish!' : 'Hmm.', 'So what will you do?'], pacingMs),
        evaluation,
        listening,
        reading: { keywordList: false, greetingOnly: false, onlyAsks: false, refuses: false },
        interrupted,
        clipped: false,
      };
    },
    endSession(_s, raw, now, reason) {
      const prev = raw as FakeSession;
      const session: FakeSession = prev.ended ? prev : { ...prev, ended: { outcome: reason, at: now } };
      return { session, output: { lines: [] }, card: card(session) };
    },
    hint: () => 'Say sorry and offer to count the change.',
    scoreCard: (_s, raw) => card(raw as FakeSession),
  };
}
