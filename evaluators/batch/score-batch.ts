// A batch of input lines to output text: what one worker thread (or the main
// thread, for small inputs) does for `roleplay score`. Pure apart from the clock
// read for the optional per-line timings.
import { csvRow, isLineError, scoreLine, type ScenarioSource } from './score-line.ts';

export type OutputFormat = 'jsonl' | 'csv';

export interface BatchOptions {
  format: OutputFormat;
  /**
   * Benchmark baseline: every line is parsed and written back, nothing evaluated,
   * so the difference to a real run is the cost of the evaluators.
   */
  identity?: boolean;
  /** Record how long each line took (parse, evaluate, serialise), in milliseconds. */
  timings?: boolean;
}

export interface BatchResult {
  out: string;
  bad: number;
  timings?: Float64Array;
}

/** `lines` are [1-based line number, text] pairs; blank lines are already left out. */
export function scoreBatch(lines: readonly (readonly [number, string])[], scenarios: ScenarioSource, options: BatchOptions): BatchResult {
  let out = '';
  let bad = 0;
  const timings = options.timings ? new Float64Array(lines.length) : undefined;
  for (let i = 0; i < lines.length; i++) {
    const [lineNo, text] = lines[i]!;
    const t0 = timings ? performance.now() : 0;
    if (options.identity) {
      out += `${identityLine(text, lineNo)}\n`;
    } else {
      const result = scoreLine(text, lineNo, scenarios);
      if (isLineError(result)) bad++;
      out += options.format === 'csv' ? `${csvRow(result, lineNo)}\n` : `${JSON.stringify(result)}\n`;
    }
    if (timings) timings[i] = performance.now() - t0;
  }
  return timings ? { out, bad, timings } : { out, bad };
}

function identityLine(text: string, line: number): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch (error) {
    return JSON.stringify({ line, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
}
