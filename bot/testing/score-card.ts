// A complete score card for tests of how cards render it; each test overrides what it checks.
import type { ScoreCard } from '../../evaluators/index.ts';

export function scoreCardFixture(overrides: Partial<ScoreCard> = {}): ScoreCard {
  return {
    scenarioId: 'wrong-change',
    title: '找错零钱',
    locale: 'zh-CN',
    outcome: 'resolved',
    turns: 3,
    dimensions: { interrupting: 100, empathy: 60, jargon: 100, promises: 100, problemSolving: 47 },
    overall: 81,
    servqual: { tangibles: null, empathy: 60, professionalism: 73, reliability: 100, responsiveness: 100 },
    quadrant: { technical: 82, personal: 80, style: 'quality', label: '优质型' },
    tips: [],
    extras: {},
    ...overrides,
  };
}
