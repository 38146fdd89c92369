// The engine thread's side (see engine-thread.ts): runs the core's calls on the scenarios the bot
// sent, one message at a time, and answers each with its result or the error it threw.
import { parentPort } from 'node:worker_threads';
import { endSession, replyToSession, scoreCard, type Scenario, type SessionStateJson } from '../../scenarios/index.ts';
import { reloadRules, warmUp, type SessionOutcome } from '../../evaluators/index.ts';
import type { ThreadAnswer, ThreadCall, ThreadMessage } from './engine-thread-protocol.ts';

let scenarios = new Map<string, Scenario>();

function run(call: ThreadCall): unknown {
  const scenario = scenarios.get(call.scenarioId);
  if (!scenario) throw new Error(`the engine thread has no scenario "${call.scenarioId}"`);
  const [session, ...rest] = call.args as [SessionStateJson, ...unknown[]];
  if (call.method === 'replyToSession') {
    const result = replyToSession(scenario, session, rest[0] as string, rest[1] as number);
    // What the customer understood is for `roleplay play --trace`; the bot never reads it, so it is not copied back.
    delete result.understanding;
    return result;
  }
  if (call.method === 'endSession') return endSession(scenario, session, rest[0] as number, rest[1] as SessionOutcome);
  return scoreCard(scenario, session);
}

const port = parentPort;
if (port) {
  port.on('message', (message: ThreadMessage) => {
    if (message.kind === 'scenarios') scenarios = new Map(message.scenarios as [string, Scenario][]);
    else if (message.kind === 'rules') reloadRules();
    else {
      let answer: ThreadAnswer;
      try {
        answer = { id: message.id, result: run(message) };
      } catch (error) {
        answer = { id: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer);
    }
  });
  // The lexicons and the segmenter are read before the first call is taken.
  warmUp();
}
