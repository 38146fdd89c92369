// The messages between the bot and its engine thread (engine-thread.ts, engine-worker.ts).
import type { SessionStateJson } from '../../scenarios/index.ts';
import type { ScenarioInfo } from './engine-port.ts';
import type { SessionDelta } from './session-delta.ts';

/**
 * The session a call works on: sent whole, or named by the key under which the thread kept a
 * session it answered with earlier (session-delta.ts).
 */
export type SessionRef = { session: SessionStateJson } | { kept: string };

export type ThreadCall = {
  kind: 'call';
  id: number;
  method: 'replyToSession' | 'endSession' | 'scoreCard';
  scenarioId: string;
  session: SessionRef;
  args: unknown[];
};

export type ThreadMessage = ThreadCall | { kind: 'scenarios'; scenarios: [string, ScenarioInfo][] } | { kind: 'rules' };

/** The answer to the call with the same id: its result, or the message of the error it threw. */
export interface ThreadAnswer {
  id: number;
  /** The result, without its new session when `delta` carries that. */
  result?: unknown;
  /** The new session, as what changed from the call's session; the thread keeps it under `kept`. */
  delta?: SessionDelta;
  kept?: string;
  /** The session the call named is no longer kept (the thread is new, or dropped it): send it whole. */
  missing?: true;
  error?: string;
}
