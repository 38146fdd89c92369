// The end-of-session score card: the session's scores per dimension (judged over the whole
// conversation in ../session/), the manuals' service dimensions (SERVQUAL) and service-style
// quadrant, the scenario's key moments and the three things most worth improving. Plain data; pure.
import type {
  Dimension,
  ExtraCheck,
  KeyMoment,
  RuleLocale,
  ScenarioRules,
  ScoreCard,
  ScoredTurn,
  ServiceStyle,
  SessionOutcome,
} from '../types.ts';
import { EXTRA_CHECKS } from '../types.ts';
import { judgeSession } from '../session/judge.ts';
import { sessionTips } from '../session/tips.ts';

export interface ScoreCardInfo {
  scenarioId: string;
  title: string;
  locale: RuleLocale;
  outcome: SessionOutcome;
  /** Dimension weights for the overall score (the scenario's `weights`; default 1 each). */
  weights?: ScenarioRules['weights'];
  /** The scenario's key moments; their phrasings are the tips' suggestions. */
  keyMoments?: KeyMoment[];
}

/** Both sides at or above this make the style "quality"; below it a side counts as weak. */
export const QUADRANT_THRESHOLD = 60;

export const STYLE_LABELS: Record<ServiceStyle, Record<RuleLocale, string>> = {
  cold: { 'zh-CN': '冷淡型', en: 'Cold' },
  production: { 'zh-CN': '生产型', en: 'Production' },
  friendly: { 'zh-CN': '友好型', en: 'Friendly' },
  quality: { 'zh-CN': '优质型', en: 'Quality' },
};

export const DIMENSION_LABELS: Record<Dimension, Record<RuleLocale, string>> = {
  interrupting: { 'zh-CN': '倾听(不打断顾客)', en: 'Listening (letting the customer finish)' },
  empathy: { 'zh-CN': '同理心', en: 'Empathy' },
  jargon: { 'zh-CN': '通俗表达(不用术语)', en: 'Plain words (no jargon)' },
  promises: { 'zh-CN': '不过度承诺', en: 'No over-promising' },
  problemSolving: { 'zh-CN': '解决问题', en: 'Problem solving' },
};

/** Advice for a good flag the trainee never showed, where there is no finding to quote (the bot's coaching uses it too). */
export const MISSING_ADVICE: Partial<Record<Dimension, { message: Record<RuleLocale, string>; suggestion: Record<RuleLocale, string> }>> = {
  empathy: {
    message: { 'zh-CN': '顾客有情绪时,这句回复没有回应顾客的感受。', en: 'The customer was upset and this reply did not acknowledge it.' },
    suggestion: {
      'zh-CN': '先接住情绪再办事:"给您添麻烦了,换作是我也会着急,我马上帮您查。"',
      en: 'Acknowledge first, then act: "I\'m sorry about this, I can see why you\'re upset. Let me check it right now."',
    },
  },
  problemSolving: {
    message: { 'zh-CN': '这句回复没有提出任何具体的解决行动。', en: 'This reply offered no concrete step towards solving the problem.' },
    suggestion: {
      'zh-CN': '说出你要做的下一步和时间:"我现在就帮您核对,五分钟内给您答复。"',
      en: 'Name your next step and when: "I\'ll check this now and come back to you in five minutes."',
    },
  },
};

function mean(values: number[]): number | null {
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

function meanOf(...values: (number | null)[]): number | null {
  return mean(values.filter((v): v is number => v !== null));
}

function weightedMean(parts: [number | null, number][]): number | null {
  const present = parts.filter((p): p is [number, number] => p[0] !== null);
  const weight = present.reduce((a, [, w]) => a + w, 0);
  return weight ? Math.round(present.reduce((a, [v, w]) => a + v * w, 0) / weight) : null;
}

export function styleOf(technical: number, personal: number): ServiceStyle {
  const tech = technical >= QUADRANT_THRESHOLD;
  const pers = personal >= QUADRANT_THRESHOLD;
  return tech && pers ? 'quality' : tech ? 'production' : pers ? 'friendly' : 'cold';
}

export function buildScoreCard(turns: ScoredTurn[], info: ScoreCardInfo): ScoreCard {
  const judged = judgeSession(turns, info);
  const { dimensions } = judged;

  const servqual = {
    tangibles: null,
    empathy: dimensions.empathy,
    professionalism: meanOf(dimensions.jargon, dimensions.problemSolving),
    reliability: dimensions.promises,
    responsiveness: dimensions.interrupting,
  };
  // Technical side: getting the problem solved (most of it), in words the customer understands, without
  // promising what cannot be kept, and only as far as the ending allows. Personal side: how the
  // customer is treated — heard out and understood.
  const technical = Math.round(
    judged.outcomeFactor *
      (weightedMean([
        [dimensions.problemSolving, 3],
        [dimensions.jargon, 1],
        [dimensions.promises, 1],
      ]) ?? 0),
  );
  const personal = meanOf(dimensions.empathy, dimensions.interrupting) ?? 0;
  const style = styleOf(technical, personal);

  const extras: ScoreCard['extras'] = {};
  for (const t of turns) {
    for (const f of t.evaluation.findings) {
      if (!(EXTRA_CHECKS as readonly string[]).includes(f.evaluator)) continue;
      const key = f.evaluator as ExtraCheck;
      const count = (extras[key] ??= { good: 0, bad: 0 });
      count[f.polarity]++;
    }
  }

  return {
    scenarioId: info.scenarioId,
    title: info.title,
    locale: info.locale,
    outcome: info.outcome,
    turns: turns.length,
    dimensions,
    overall: judged.overall,
    servqual,
    quadrant: { technical, personal, style, label: STYLE_LABELS[style][info.locale] },
    tips: sessionTips(judged, info.keyMoments, info.locale),
    keyMoments: judged.keyMoments,
    extras,
  };
}
