// What the bot needs from the scenario engine (scenarios/index.ts). Loaded at start; until
// the engine exists the bot still answers, saying that no scenarios are available.
import type { ReplyResult, SessionStateJson, StartOptions, TurnOutput } from '../../scenarios/index.ts';
import type { InputLocale, RuleLocale, ScoreCard, SessionOutcome } from '../../evaluators/index.ts';
import { EngineThread } from './engine-thread.ts';

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

/** A result now, or later when the engine runs on its own thread. */
type Awaitable<T> = T | Promise<T>;

export interface EnginePort {
  scenarios: Map<string, ScenarioInfo>;
  startSession(scenario: ScenarioInfo, options: StartOptions): { session: SessionStateJson; output: TurnOutput };
  replyToSession(scenario: ScenarioInfo, session: SessionStateJson, text: string, now: number): Awaitable<ReplyResult>;
  endSession(
    scenario: ScenarioInfo,
    session: SessionStateJson,
    now: number,
    reason: SessionOutcome,
  ): Awaitable<{ session: SessionStateJson; output: TurnOutput; card: ScoreCard }>;
  hint(scenario: ScenarioInfo, session: SessionStateJson, locale: InputLocale): string;
  scoreCard(scenario: ScenarioInfo, session: SessionStateJson): Awaitable<ScoreCard>;
  /** The scenarios in `scenarios` were replaced (a reload). */
  scenariosChanged?(): void;
  /** The lexicon files were read again (a reload). */
  rulesChanged?(): void;
  close?(): Promise<void>;
}

export interface EngineOptions {
  /** Turns and score cards on a thread of their own; the scenario list, starts and hints stay here. */
  thread?: boolean;
}

interface EngineModule {
  loadLibrary():
    { scenarios: Map<string, ScenarioInfo>; errors: unknown[] } | Promise<{ scenarios: Map<string, ScenarioInfo>; errors: unknown[] }>;
}

/** Null when the engine module is not there or fails to load (logged by the caller). */
export async function loadEngine(options: EngineOptions = {}): Promise<{ engine: EnginePort | null; error?: string }> {
  try {
    // Imported here, not at the top, so a library that fails to load leaves the bot answering.
    const mod = (await import('../../scenarios/index.ts')) as unknown as EngineModule & Omit<EnginePort, 'scenarios'>;
    const library = await mod.loadLibrary();
    const here: EnginePort = {
      scenarios: library.scenarios,
      startSession: mod.startSession,
      replyToSession: mod.replyToSession,
      endSession: mod.endSession,
      hint: mod.hint,
      scoreCard: mod.scoreCard,
    };
    if (!options.thread) return { engine: here };
    const thread = new EngineThread(() => library.scenarios);
    return {
      engine: {
        ...here,
        replyToSession: (scenario, session, text, now) => thread.replyToSession(scenario, session, text, now),
        endSession: (scenario, session, now, reason) => thread.endSession(scenario, session, now, reason),
        scoreCard: (scenario, session) => thread.scoreCard(scenario, session),
        scenariosChanged: () => thread.scenariosChanged(),
        rulesChanged: () => thread.rulesChanged(),
        close: () => thread.close(),
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
