// `roleplay score`: batch scoring of trainee replies, JSON Lines in and out
// (the format is docs in score-format.md). Streams the input line by line;
// standard output carries only the results, progress goes to a terminal's stderr.
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';
import {
  csvHeader,
  NO_SCENARIOS,
  type ScenarioSource,
  scoreBatch,
  type BatchOptions,
  type BatchResult,
  lexiconProblems,
} from '../../evaluators/index.ts';
import { ScoringPool, ScoringWorkerError } from '../score/pool.ts';
import { scenarioRulesLookup } from '../score/scenario-rules.ts';

const USAGE = `Usage: roleplay score [--format jsonl|csv] FILE.jsonl
       roleplay score [--format jsonl|csv] -        (read standard input)

Scores each trainee reply (one JSON object per line: id, reply, and optionally
locale, scenario, customer, history, interrupted) and writes one result per
line, in input order, to standard output.

Options:
  --format jsonl|csv   output format (default jsonl)
  -h, --help           show this help

Exit status: 0 when every line was scored, 2 when a line was bad (it gets an
{"line": N, "error": "..."} result in its place) or the command was misused.`;

/** Output is flushed in chunks of about this many characters. */
const FLUSH_AT = 1 << 16;
/**
 * Inputs at least this large are scored on worker threads, one per core: below it,
 * starting the workers (each loads the rules) costs more than it saves.
 */
const POOL_MIN_BYTES = 256 * 1024;
/** Standard input has no size: it moves to the workers after this many lines. */
const POOL_MIN_LINES = 2_000;
const MAX_WORKERS = 8;
/**
 * Lines per message to a worker, and batches in flight per worker (bounds memory on huge inputs).
 * With a worker on every core, each time this thread wakes for a batch it preempts a worker in
 * the middle of a reply; 512-line batches wake it a quarter as often as 128 did (p99 per reply on
 * 50,000 lines: 0.45–0.90 ms against 0.75–0.99 ms in alternating runs).
 */
const BATCH_LINES = 512;
const IN_FLIGHT_PER_WORKER = 4;

function percentileOf(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

function write(out: Writable, chunk: string): Promise<void> | undefined {
  if (out.write(chunk)) return undefined;
  return new Promise((done) => out.once('drain', done));
}

class Progress {
  private last = 0;
  constructor(
    private readonly err: Writable,
    private readonly total: number | undefined,
  ) {}
  update(lines: number, bytes: number): void {
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    if (this.total) {
      const ratio = Math.min(1, bytes / this.total);
      const width = 30;
      const filled = Math.round(ratio * width);
      this.err.write(
        `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}%  ${lines} lines`,
      );
    } else {
      this.err.write(`\r${lines} lines scored`);
    }
  }
  done(lines: number): void {
    if (this.last) this.err.write(`\r${' '.repeat(60)}\r${lines} lines scored\n`);
  }
}

const command: Command = {
  name: 'score',
  summary: 'score trainee replies in bulk (JSON Lines in, JSON Lines or CSV out)',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseOptions(argv, { format: { type: 'string', default: 'jsonl' } });
    const format = values.format;
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, not '${String(format)}'`);
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length ? 'give one input file (or - for standard input)' : 'missing input: give a JSONL file, or - for standard input',
      );
    const source = positionals[0]!;

    let input: Readable;
    let total: number | undefined;
    if (source === '-') {
      input = io.stdin;
    } else {
      const path = resolve(io.cwd, source);
      try {
        const stat = statSync(path);
        if (!stat.isFile()) throw new UsageError(`${source} is not a file`);
        total = stat.size;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read ${source}: no such file`);
      }
      input = createReadStream(path, { encoding: 'utf8' });
    }

    // Benchmark hooks (docs/benchmarks.md): an identity baseline, and per-line timings on standard error.
    const options: BatchOptions = {
      format,
      identity: io.env.ROLEPLAY_SCORE_IDENTITY === '1',
      timings: io.env.ROLEPLAY_SCORE_TIMINGS === '1',
    };
    // Entries left out of a broken lexicon file: scoring goes on with the rest, and says so on standard error,
    // once, from whichever thread loaded the lexicons (workers, or this thread for small inputs).
    const report = (problems: string[]): void => {
      for (const problem of problems) io.stderr.write(`roleplay score: lexicon entry left out: ${problem}\n`);
    };
    const workers = Math.min(availableParallelism(), MAX_WORKERS);
    let pool = workers > 1 && total !== undefined && total >= POOL_MIN_BYTES ? new ScoringPool(workers, options, report) : undefined;
    let scenarios: ScenarioSource | undefined;
    const progress = io.stderr.isTTY && (total === undefined || total > 1 << 20) ? new Progress(io.stderr, total) : undefined;
    const lines = createInterface({ input, crlfDelay: Infinity });
    let buffer = format === 'csv' ? `${csvHeader()}\n` : '';
    let lineNo = 0;
    let bytes = 0;
    let bad = 0;
    let batch: [number, string][] = [];
    const inFlight: Promise<BatchResult>[] = [];
    const timings: Float64Array[] = [];
    const emit = async (result: BatchResult): Promise<void> => {
      bad += result.bad;
      buffer += result.out;
      if (result.timings) timings.push(result.timings);
      if (buffer.length >= FLUSH_AT) {
        const pending = write(io.stdout, buffer);
        buffer = '';
        if (pending) await pending;
      }
    };
    try {
      try {
        for await (const raw of lines) {
          lineNo++;
          bytes += Buffer.byteLength(raw) + 1;
          const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
          if (!text.trim()) continue;
          if (!pool && workers > 1 && total === undefined && lineNo > POOL_MIN_LINES) pool = new ScoringPool(workers, options, report);
          if (pool) {
            batch.push([lineNo, text]);
            if (batch.length >= BATCH_LINES) {
              inFlight.push(pool.submit(batch));
              batch = [];
              // Results are written first in, first out: that is input order.
              while (inFlight.length >= workers * IN_FLIGHT_PER_WORKER) await emit(await inFlight.shift()!);
            }
          } else {
            if (!scenarios && !options.identity) report(lexiconProblems());
            scenarios ??= options.identity ? NO_SCENARIOS : await scenarioRulesLookup();
            await emit(scoreBatch([[lineNo, text]], scenarios, options));
          }
          if (progress && (lineNo & 255) === 0) progress.update(lineNo, bytes);
        }
        if (pool && batch.length) inFlight.push(pool.submit(batch));
        while (inFlight.length) await emit(await inFlight.shift()!);
      } catch (error) {
        if (error instanceof ScoringWorkerError) {
          io.stderr.write(`roleplay score: ${error.message}\n`);
          return 1;
        }
        // The lines read before the error are still scored and written.
        while (inFlight.length) await emit(await inFlight.shift()!).catch(() => undefined);
        if (buffer) await write(io.stdout, buffer);
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr.write(`roleplay score: cannot read ${source}${code ? ` (${code})` : ''}\n`);
        return 2;
      }
    } finally {
      // Rejections of batches nobody awaits any more (after a failure) are expected.
      for (const p of inFlight) p.catch(() => undefined);
      await pool?.close();
    }
    if (buffer) await write(io.stdout, buffer);
    progress?.done(lineNo);
    if (options.timings) {
      const all = new Float64Array(timings.reduce((n, t) => n + t.length, 0));
      let at = 0;
      for (const t of timings) all.set(t, (at += t.length) - t.length);
      all.sort();
      io.stderr.write(
        `roleplay score: timings: lines=${all.length} p50=${percentileOf(all, 50).toFixed(4)}ms p99=${percentileOf(all, 99).toFixed(4)}ms max=${percentileOf(all, 100).toFixed(3)}ms\n`,
      );
    }
    if (bad) io.stderr.write(`roleplay score: ${bad} line(s) could not be scored\n`);
    return bad ? 2 : 0;
  },
};
export default command;
