// What the bot needs from the scenario engine (scenarios/index.ts). Loaded at start; until
// the engine exists the bot still answers, saying that no scenarios are available.
import type { ReplyResult, SessionStateJson, StartOptions, TurnOutput } from '../../scenarios/index.ts';
import type { InputLocale, RuleLocale, ScoreCard, SessionOutcome } from '../../evaluators/index.ts';

export interface ScenarioInfo {
  id: string;
  title: Partial<Record<RuleLocale, string>>;
  setting?: Partial<Record<RuleLocale, string>>;
  summary?: Partial<Record<RuleLocale, string>>;
  difficulty?: string | number;
  locales?: string[];
  /** What the trainee is told before the customer speaks. */
  briefing?: Record<'role' | 'situation' | 'goal', Partial<Record<RuleLocale, string>>>;
}

export interface EnginePort {
  scenarios: Map<string, ScenarioInfo>;
  startSession(scenario: ScenarioInfo, options: StartOptions): { session: SessionStateJson; output: TurnOutput };
  replyToSession(scenario: ScenarioInfo, session: SessionStateJson, text: string, now: number): ReplyResult;
  endSession(
    scenario: ScenarioInfo,
    session: SessionStateJson,
    now: number,
    reason: SessionOutcome,
  ): { session: SessionStateJson; output: TurnOutput; card: ScoreCard };
  hint(scenario: ScenarioInfo, session: SessionStateJson, locale: InputLocale): string;
  scoreCard(scenario: ScenarioInfo, session: SessionStateJson): ScoreCard;
}

interface EngineModule {
  loadLibrary():
    { scenarios: Map<string, ScenarioInfo>; errors: unknown[] } | Promise<{ scenarios: Map<string, ScenarioInfo>; errors: unknown[] }>;
}

/** Null when the engine module is not there or fails to load (logged by the caller). */
export async function loadEngine(): Promise<{ engine: EnginePort | null; error?: string }> {
  try {
    // Imported here, not at the top, so a library that fails to load leaves the bot answering.
    const mod = (await import('../../scenarios/index.ts')) as unknown as EngineModule & Omit<EnginePort, 'scenarios'>;
    const library = await mod.loadLibrary();
    return {
      engine: {
        scenarios: library.scenarios,
        startSession: mod.startSession,
        replyToSession: mod.replyToSession,
        endSession: mod.endSession,
        hint: mod.hint,
        scoreCard: mod.scoreCard,
      },
    };
  } catch (error) {
    return { engine: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export function localized(text: Partial<Record<RuleLocale, string>> | string | undefined, locale: RuleLocale): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text['zh-CN'] ?? text.en ?? '';
}
