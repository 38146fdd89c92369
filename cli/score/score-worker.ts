// Worker thread of the scoring pool: loads the rules once, then answers batches.
import { parentPort, workerData } from 'node:worker_threads';
import { scenarioRulesLookup } from './scenario-rules.ts';
import { scoreBatch, type BatchOptions, warmUp, NO_SCENARIOS } from '../../evaluators/index.ts';

export interface WorkerRequest {
  seq: number;
  lines: [number, string][];
}

export interface WorkerResponse {
  seq: number;
  out: string;
  bad: number;
  timings?: Float64Array;
}

const options = workerData as BatchOptions;
const port = parentPort;
if (port) {
  const scenarios = options.identity ? NO_SCENARIOS : await scenarioRulesLookup();
  // Loading happens before the first batch, so no reply's time includes it.
  const problems = options.identity ? [] : warmUp();
  port.on('message', (request: WorkerRequest) => {
    const result = scoreBatch(request.lines, scenarios, options);
    const response: WorkerResponse = { seq: request.seq, ...result };
    port.postMessage(response, result.timings ? [result.timings.buffer as ArrayBuffer] : []);
  });
  port.postMessage({ ready: true, problems });
}
