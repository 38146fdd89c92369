// The engine thread's side (see engine-thread.ts): runs the core's calls on the scenarios the bot
// sent, one message at a time, and answers each with its result or the error it threw.
import { parentPort, threadId } from 'node:worker_threads';
import { endSession, replyToSession, scoreCard, type Scenario, type SessionStateJson } from '../../scenarios/index.ts';
import { reloadRules, warmUp, type SessionOutcome } from '../../evaluators/index.ts';
import { Lru } from '../state/lru.ts';
import { sessionDelta } from './session-delta.ts';
import type { ThreadAnswer, ThreadCall, ThreadMessage } from './engine-thread-protocol.ts';

/** Sessions this thread answered with, by key: the bot names one instead of sending it again. */
const KEPT_SESSIONS = 1000;

let scenarios = new Map<string, Scenario>();
const kept = new Lru<SessionStateJson>(KEPT_SESSIONS);
let nextKey = 1;

function run(call: ThreadCall, session: SessionStateJson): unknown {
  const scenario = scenarios.get(call.scenarioId);
  if (!scenario) throw new Error(`the engine thread has no scenario "${call.scenarioId}"`);
  const rest = call.args;
  if (call.method === 'replyToSession') {
    const result = replyToSession(scenario, session, rest[0] as string, rest[1] as number);
    // What the customer understood is for `roleplay play --trace`; the bot never reads it, so it is not copied back.
    delete result.understanding;
    return result;
  }
  if (call.method === 'endSession') return endSession(scenario, session, rest[0] as number, rest[1] as SessionOutcome);
  return scoreCard(scenario, session);
}

function answer(call: ThreadCall): ThreadAnswer {
  const session = 'kept' in call.session ? kept.get(call.session.kept) : call.session.session;
  if (!session) return { id: call.id, missing: true };
  const result = run(call, session) as { session?: SessionStateJson };
  if (!result.session) return { id: call.id, result };
  const { session: next, ...rest } = result;
  // Unique across the threads of a process, so a key from a thread that was replaced names nothing.
  const key = `${threadId}:${nextKey++}`;
  kept.set(key, next);
  return { id: call.id, result: rest, delta: sessionDelta(session, next), kept: key };
}

const port = parentPort;
if (port) {
  port.on('message', (message: ThreadMessage) => {
    if (message.kind === 'scenarios') scenarios = new Map(message.scenarios as [string, Scenario][]);
    else if (message.kind === 'rules') reloadRules();
    else {
      let reply: ThreadAnswer;
      try {
        reply = answer(message);
      } catch (error) {
        reply = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(reply);
    }
  });
  // The lexicons and the segmenter are read before the first call is taken.
  warmUp();
}
