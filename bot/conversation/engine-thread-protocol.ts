// The messages between the bot and its engine thread (engine-thread.ts, engine-worker.ts).
import type { ScenarioInfo } from './engine-port.ts';

export type ThreadCall = {
  kind: 'call';
  id: number;
  method: 'replyToSession' | 'endSession' | 'scoreCard';
  scenarioId: string;
  args: unknown[];
};

export type ThreadMessage = ThreadCall | { kind: 'scenarios'; scenarios: [string, ScenarioInfo][] } | { kind: 'rules' };

/** The answer to the call with the same id: its result, or the message of the error it threw. */
export interface ThreadAnswer {
  id: number;
  result?: unknown;
  error?: string;
}
