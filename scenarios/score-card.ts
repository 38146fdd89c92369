// The end-of-session score card, computed from the session's compact turn log.
import type { Dimension, ExtraCheck, RuleLocale, ScoreCard, ServiceStyle } from '../evaluators/types.ts';
import { DIMENSIONS, EXTRA_CHECKS } from '../evaluators/types.ts';
import type { EngineSession } from './engine.ts';
import type { Scenario } from './model.ts';
import type { SessionStateJson } from './engine-types.ts';

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

const STYLE_LABEL: Record<ServiceStyle, Record<RuleLocale, string>> = {
  cold: { 'zh-CN': '冷漠型', en: 'Cold' },
  production: { 'zh-CN': '生产型', en: 'Production-line' },
  friendly: { 'zh-CN': '友善型', en: 'Friendly' },
  quality: { 'zh-CN': '优质服务型', en: 'Quality service' },
};

export function scoreCard(scenario: Scenario, previous: SessionStateJson): ScoreCard {
  const session = previous as EngineSession;
  const log = session.log ?? [];
  const dimensions = Object.fromEntries(
    DIMENSIONS.map((d) => [d, mean(log.filter((t) => t.a.includes(d)).map((t) => t.s[d]))]),
  ) as Record<Dimension, number | null>;
  const weights = scenario.evaluation.weights ?? {};
  let sum = 0;
  let total = 0;
  for (const d of DIMENSIONS) {
    const v = dimensions[d];
    if (v === null) continue;
    const w = weights[d] ?? 1;
    sum += v * w;
    total += w;
  }
  const overall = total ? Math.round(sum / total) : 0;
  const avg = (...xs: (number | null)[]) => mean(xs.filter((x): x is number => x !== null));
  const technical = avg(dimensions.problemSolving, dimensions.promises, dimensions.jargon) ?? 0;
  const personal = avg(dimensions.empathy, dimensions.interrupting) ?? 0;
  const style: ServiceStyle = technical >= 60 ? (personal >= 60 ? 'quality' : 'production') : personal >= 60 ? 'friendly' : 'cold';
  const extras: ScoreCard['extras'] = {};
  for (const t of log) {
    for (const [check, good] of t.x) {
      if (!(EXTRA_CHECKS as readonly string[]).includes(check)) continue;
      const e = (extras[check as ExtraCheck] ??= { good: 0, bad: 0 });
      if (good) e.good++;
      else e.bad++;
    }
  }
  const tips = log
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.f)
    .slice(0, 3)
    .map(({ t, i }) => {
      const [dimension, quote, message, suggestion] = t.f as [string, string, string, string];
      return { dimension: dimension as ScoreCard['tips'][number]['dimension'], turn: i + 1, quote, message, suggestion };
    });
  return {
    scenarioId: scenario.id,
    title: scenario.title[session.locale],
    locale: session.locale,
    outcome: session.ended?.outcome ?? 'abandoned',
    turns: session.turns,
    dimensions,
    overall,
    servqual: {
      tangibles: null,
      empathy: dimensions.empathy,
      professionalism: avg(dimensions.jargon, dimensions.problemSolving),
      reliability: dimensions.promises,
      responsiveness: avg(dimensions.interrupting, dimensions.problemSolving),
    },
    quadrant: { technical, personal, style, label: STYLE_LABEL[style][session.locale] },
    tips,
    extras,
  };
}
