// All five benchmarks in one run, each against a baseline measured in the same run.
// Every measured program is its own process: `roleplay score`, the echo bot, the
// product server and the load generator (bench/drive.ts).
// Run: npm run bench                  (full; rewrites the generated block of docs/benchmarks.md)
//      npm run bench -- --quick       (small sizes, prints only; used by CI)
//      npm run bench -- --profile DIR (also writes CPU profiles of `roleplay score` and the server to DIR)
//      npm run bench -- --only "bot turn"  (only the named sections: understanding, scoring, start-up, bot turn, memory; prints only)
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { driveTurns, type TurnResult } from './turns.ts';
import { generateReplies } from './replies.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const QUICK = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
/** Sections to run (`--only "bot turn,memory"`); a partial run prints its rows and leaves the table in docs alone. */
const ONLY = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',').map((n) => n.trim()) : undefined;
const profileAt = process.argv.indexOf('--profile');
const PROFILE_DIR = profileAt > 0 && process.argv[profileAt + 1] ? resolve(process.argv[profileAt + 1]!) : undefined;
const SCORE_LINES = QUICK ? 2_000 : 50_000;
const SCORE_RUNS = QUICK ? 1 : 3;
const CONVERSATIONS = QUICK ? [5] : [50, 200];
const TURNS_EACH = QUICK ? 6 : 12;
/** Scripts each conversation plays in one measured run: at 50 conversations, 4,800 turns, a few seconds of load. */
const ROUNDS = QUICK ? 4 : 8;
/** Unmeasured scripts before the first pair of a size, so both servers are measured warm (compiled, caches filled). */
const WARM_UP_ROUNDS = QUICK ? 1 : 3;
/** Alternating echo/product runs per size. */
const PAIRS = QUICK ? 1 : 5;
const OPEN_LOOP_RUNS = QUICK ? 1 : 3;
const STARTS = QUICK ? 1 : 5;
/** Sessions left open (started, one reply, not ended) for the memory figures. */
const OPEN_SESSIONS = QUICK ? [50] : [1_000, 10_000];

type Row = [string, string, string];
const rows: Row[] = [];
const row = (name: string, value: string, note = ''): void => {
  rows.push([name, value, note]);
  console.log(`${name.padEnd(48)} ${value.padStart(18)}  ${note}`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const ms = (n: number): string => (n < 10 ? n.toFixed(2) : n.toFixed(1));
const pct = (ratio: number): string => `${(ratio * 100).toFixed(0)}%`;
const profileArgs = (name: string): string[] => (PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : []);
/** The item with the median `key` (a run's other figures stay with it). */
const medianBy = <T>(items: T[], key: (item: T) => number): T => [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)]!;
const median = (values: number[]): number => medianBy(values, (v) => v);

interface ScoreRun {
  perSecond: number;
  seconds: number;
  outLines: number;
  timings?: { p50: number; p99: number };
}

async function runScore(file: string, env: NodeJS.ProcessEnv, profile?: string): Promise<ScoreRun> {
  const outFile = `${file}.out`;
  const fd = openSync(outFile, 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, [...(profile ? profileArgs(profile) : []), 'bin/roleplay.js', 'score', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - t0) / 1000;
  closeSync(fd);
  if (code !== 0) throw new Error(`roleplay score exited ${String(code)}: ${stderr.slice(0, 300)}`);
  const outLines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean).length;
  rmSync(outFile, { force: true });
  const m = /timings: .*p50=([\d.]+)ms p99=([\d.]+)ms/.exec(stderr);
  return { perSecond: SCORE_LINES / seconds, seconds, outLines, ...(m ? { timings: { p50: Number(m[1]), p99: Number(m[2]) } } : {}) };
}

async function scoring(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-score-'));
  try {
    const file = join(dir, 'replies.jsonl');
    const { text, averageChars } = generateReplies(SCORE_LINES);
    writeFileSync(file, text);
    // Baseline: the same command and pipeline (start-up, reading, JSON parsing, workers, writing) with the evaluation replaced by identity.
    // Identity and scoring runs alternate, SCORE_RUNS of each; the medians are reported, every run in the notes.
    const identities: ScoreRun[] = [];
    const scores: ScoreRun[] = [];
    for (let i = 0; i < SCORE_RUNS; i++) {
      identities.push(await runScore(file, { ROLEPLAY_SCORE_IDENTITY: '1' }));
      scores.push(await runScore(file, { ROLEPLAY_SCORE_TIMINGS: '1' }, i === 0 ? 'score' : undefined));
    }
    for (const run of scores)
      if (run.outLines !== SCORE_LINES) throw new Error(`roleplay score wrote ${run.outLines} lines for ${SCORE_LINES}`);
    const identity = medianBy(identities, (r) => r.seconds);
    const score = medianBy(scores, (r) => r.seconds);
    const runs = (list: ScoreRun[]) =>
      SCORE_RUNS > 1 ? `; median of ${SCORE_RUNS} runs (${list.map((r) => `${r.seconds.toFixed(2)} s`).join(', ')})` : '';
    row(
      `score: identity pipeline (${fmt(SCORE_LINES)} lines)`,
      `${fmt(identity.perSecond)} /s`,
      `${identity.seconds.toFixed(2)} s; same command with evaluation replaced by identity; replies average ${fmt(averageChars)} chars, zh-CN/zh-TW/en${runs(identities)}`,
    );
    row(
      'score: roleplay score end to end',
      `${fmt(score.perSecond)} /s`,
      `${score.seconds.toFixed(2)} s; target ≥ 5,000/s; evaluation costs ${fmt(Math.max(0, ((score.seconds - identity.seconds) * 1e6) / SCORE_LINES))} µs per reply over identity${runs(scores)}`,
    );
    const timed = scores.flatMap((r) => (r.timings ? [r.timings] : []));
    const p99s = timed.map((t) => t.p99);
    const p50s = timed.map((t) => t.p50);
    row(
      'score: per-reply latency p50 / p99 (in process)',
      timed.length ? `${median(p50s).toFixed(3)} / ${median(p99s).toFixed(3)} ms` : 'not reported',
      `target p99 ≤ 1 ms; parse + evaluate + serialise of each line, timed inside \`roleplay score\` over every line${timed.length > 1 ? `; median of ${timed.length} runs (p99 ${timed.map((t) => t.p99.toFixed(3)).join(', ')} ms)` : ''}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

interface Child {
  url: string;
  pid: number;
  startupMs: number;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
}

async function waitReady(child: ChildProcess, url: string, t0: number, what: string, stderr: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited ${String(child.exitCode)}: ${stderr().slice(0, 500)}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > 60_000) throw new Error(`${what} not ready after 60 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Node's own options in `npm start` (the server is measured as it is run). */
function startOptions(): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = (scripts.start ?? '').split(/\s+/);
  if (words[0] !== 'node' || !words.includes('bin/roleplay.js'))
    throw new Error(`npm start is not "node … bin/roleplay.js serve": ${scripts.start}`);
  return words.slice(1, words.indexOf('bin/roleplay.js'));
}

async function startProduct(env: NodeJS.ProcessEnv, profile?: string): Promise<Child> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...startOptions(),
      ...(profile ? profileArgs(profile) : []),
      'bin/roleplay.js',
      'serve',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--no-pacing',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PACING: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitReady(child, url, t0, 'roleplay serve', () => stderr);
  return { url, startupMs: performance.now() - t0, pid: child.pid!, stop: stopper(child) };
}

async function startEcho(): Promise<Child> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/echo-bot.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /\{"url":"([^"]+)"\}/.exec(out);
      if (m) done(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`echo bot exited ${String(code)}: ${stderr.slice(0, 300)}`)));
  });
  return { url, pid: child.pid!, startupMs: performance.now() - t0, stop: stopper(child) };
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function startup(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-start-'));
    try {
      const product = await startProduct({ DATA_DIR: dir, DATABASE_URL: '' }, i === 0 ? 'startup' : undefined);
      times.push(product.startupMs);
      await product.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  row(
    'start-up: process start → /readyz ok',
    `${fmt(median(times))} ms`,
    `target ≤ 2,000 ms; median of ${STARTS} start(s) (${times.map(fmt).join(', ')}), scenarios, lexicons and segmenter loaded`,
  );
}

const turnsNote = (r: TurnResult): string => `p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms, ${fmt(r.turns)} turns, errors ${r.errors}`;

/**
 * The echo bot and the product take turns, PAIRS times per size, so a change in the
 * machine's load during the run falls on both; the ratio reported is the median of the
 * pairs' ratios, and every pair's figure is in the note.
 */
async function turns(): Promise<void> {
  const echo = await startEcho();
  try {
    const stores: [string, NodeJS.ProcessEnv][] = [['SQLite', { DATABASE_URL: '' }]];
    if (process.env.DATABASE_URL) stores.push(['PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }]);
    for (const [name, env] of stores) {
      const dir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
      // DATABASE_URL is cleared for SQLite so the embedded store is measured even where PostgreSQL is configured.
      const product = await startProduct({ DATA_DIR: dir, ...env }, name === 'SQLite' ? 'server' : undefined);
      try {
        let echoAt50 = 0;
        for (const n of CONVERSATIONS) {
          const echoRuns: TurnResult[] = [];
          const botRuns: TurnResult[] = [];
          for (let i = 0; i < PAIRS; i++) {
            const warm = i === 0 ? WARM_UP_ROUNDS : 0;
            echoRuns.push(
              await driveTurns({
                url: echo.url,
                conversations: n,
                turnsEach: TURNS_EACH,
                rounds: ROUNDS,
                warmupRounds: warm,
                tag: `echo${n}-${name}-${i}`,
              }),
            );
            botRuns.push(
              await driveTurns({
                url: product.url,
                conversations: n,
                turnsEach: TURNS_EACH,
                rounds: ROUNDS,
                warmupRounds: warm,
                tag: `bot${n}-${i}-${Date.now()}`,
              }),
            );
          }
          // The runs with the median throughput (their latencies belong to them).
          const e = medianBy(echoRuns, (r) => r.perSecond);
          const p = medianBy(botRuns, (r) => r.perSecond);
          const ratios = botRuns.map((r, i) => r.perSecond / echoRuns[i]!.perSecond);
          if (n === CONVERSATIONS[0]) echoAt50 = e.perSecond;
          const runs = (list: TurnResult[]) => list.map((r) => fmt(r.perSecond)).join(', ');
          row(
            `turns: echo bot, ${n} conversations${stores.length > 1 ? ` (with ${name})` : ''}`,
            `${fmt(e.perSecond)} /s`,
            `${turnsNote(e)}; runs ${runs(echoRuns)} /s`,
          );
          const target = n === 50 ? ' (target ≥ 70%)' : '';
          row(
            `turns: roleplay bot (${name}), ${n} conversations`,
            `${fmt(p.perSecond)} /s`,
            `${pct(median(ratios))} of echo${target}, median of ${PAIRS} alternating pairs (${ratios.map(pct).join(', ')}); ${turnsNote(p)}; runs ${runs(botRuns)} /s`,
          );
        }
        // Closed-loop latency is conversations ÷ throughput (Little's law), so it measures saturation.
        // At a fixed rate well below the bot's throughput the latency is that of a server that keeps up.
        const n = CONVERSATIONS[0]!;
        const rate = Math.max(10, Math.round(echoAt50 / 4));
        // A p99 of one short run is its handful of worst turns: three runs, the median reported.
        const pacedRuns: TurnResult[] = [];
        for (let i = 0; i < OPEN_LOOP_RUNS; i++) {
          pacedRuns.push(
            await driveTurns({
              url: product.url,
              conversations: n,
              turnsEach: TURNS_EACH,
              rounds: ROUNDS * 2,
              warmupRounds: i === 0 ? 1 : 0,
              tag: `paced${n}-${i}-${Date.now()}`,
              overallRate: rate,
            }),
          );
        }
        const paced = medianBy(pacedRuns, (r) => r.p99);
        row(
          `turns: roleplay bot (${name}), ${n} conversations at ${fmt(rate)} turns/s`,
          `p99 ${ms(paced.p99)} ms`,
          `target p99 ≤ 50 ms; open loop, turns evenly spaced at a quarter of the echo bot's throughput, latency from each turn's due time; p50 ${ms(paced.p50)} ms, ${fmt(paced.turns)} turns, errors ${paced.errors}${pacedRuns.length > 1 ? `; median of ${pacedRuns.length} runs (p99 ${pacedRuns.map((r) => ms(r.p99)).join(', ')} ms)` : ''}`,
        );
      } finally {
        await product.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (!process.env.DATABASE_URL) row('turns: roleplay bot (PostgreSQL)', 'skipped', 'no DATABASE_URL set');
  } finally {
    await echo.stop();
  }
}

function storedState(file: string): { conversation: number; perSession: number; sessions: number } {
  const db = new Database(file, { readonly: true });
  try {
    const c = db
      .prepare(
        `SELECT AVG(LENGTH(CAST(data AS BLOB)) + LENGTH(etag) + LENGTH(key)) AS bytes, COUNT(*) AS n FROM bot_state WHERE key LIKE '%/conversations/%'`,
      )
      .get() as { bytes: number | null; n: number };
    const all = db.prepare(`SELECT SUM(LENGTH(CAST(data AS BLOB)) + LENGTH(etag) + LENGTH(key)) AS bytes FROM bot_state`).get() as {
      bytes: number | null;
    };
    return { conversation: c.bytes ?? 0, perSession: (all.bytes ?? 0) / Math.max(1, c.n), sessions: c.n };
  } finally {
    db.close();
  }
}

async function memory(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-mem-'));
  const product = await startProduct({ DATA_DIR: dir, DATABASE_URL: '' });
  try {
    // Warm first (JIT, caches, the heap's first growth), so the growth below is what open sessions add.
    await driveTurns({ url: product.url, conversations: 20, turnsEach: 6, rounds: 2, tag: 'mem-warm' });
    const idle = rssMb(product.pid);
    row('memory: server RSS after start-up and 40 played sessions', `${fmt(idle)} MB`, 'the baseline for the open-session figures');
    let opened = 0;
    for (const target of OPEN_SESSIONS) {
      // Each session: start a scenario and give one reply, then leave it open.
      while (opened < target) {
        const batch = Math.min(2_000, target - opened);
        await driveTurns({
          url: product.url,
          conversations: Math.min(50, batch),
          turnsEach: 2,
          rounds: Math.ceil(batch / Math.min(50, batch)),
          script: 'open',
          tag: `open${opened}`,
        });
        opened += batch;
      }
      const rss = rssMb(product.pid);
      row(
        `memory: RSS with ${fmt(target)} open sessions`,
        `${fmt(rss)} MB`,
        `+${fmt(rss - idle)} MB over idle (target: 1,000 sessions add ≤ 100 MB)`,
      );
    }
    const state = storedState(join(dir, 'roleplay.sqlite'));
    row(
      'memory: stored state per session',
      `${fmt(state.perSession)} bytes`,
      `target ≤ 16 KB; all bot_state rows / ${fmt(state.sessions)} conversations (conversation row alone ${fmt(state.conversation)} bytes)`,
    );
  } finally {
    await product.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What understanding adds to a turn (bench/understanding.ts, its own process): target a median of at most 0.3 ms. */
async function understanding(): Promise<void> {
  const runs: { medianMs: number; p99Ms: number; replies: number; longEnglish: { replies: number; medianMs: number } }[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/understanding.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    if (code !== 0) throw new Error(`bench/understanding.ts exited ${String(code)}: ${err.slice(0, 300)}`);
    runs.push(JSON.parse(out.trim().split('\n').pop()!) as (typeof runs)[number]);
  }
  const mid = medianBy(runs, (r) => r.medianMs);
  row(
    'understanding per reply (median)',
    `${mid.medianMs.toFixed(3)} ms`,
    `target ≤ 0.3 ms; analysis, intents and question answered, ${fmt(mid.replies)} corpus replies × 3 passes, fresh text each; p99 ${ms(mid.p99Ms)} ms; runs ${runs.map((r) => r.medianMs.toFixed(3)).join(', ')} ms`,
  );
  row(
    'understanding per long English reply (median)',
    `${mid.longEnglish.medianMs.toFixed(3)} ms`,
    `${fmt(mid.longEnglish.replies)} English replies of 120 characters or more`,
  );
}

async function section(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    row(`${name} benchmark`, 'failed', error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
const machine = `${cpus().length} cores, ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start`;
console.log(`${QUICK ? 'quick' : 'full'} benchmark run on ${machine}`);
const SECTIONS: [string, () => Promise<void>][] = [
  ['understanding', understanding],
  ['scoring', scoring],
  ['start-up', startup],
  ['bot turn', turns],
  ['memory', memory],
];
for (const [name, fn] of SECTIONS) if (!ONLY || ONLY.includes(name)) await section(name, fn);
console.log(`load average ${loadavg()[0]!.toFixed(1)} at the end`);

if (!QUICK && !ONLY) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const table = ['| benchmark | result | notes |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const block = `<!-- bench:begin -->\nLatest \`npm run bench\` (${new Date().toISOString().slice(0, 16)}Z, ${machine}, ${loadavg()[0]!.toFixed(1)} at the end):\n\n${table}\n<!-- bench:end -->`;
  const doc = readFileSync(path, 'utf8');
  writeFileSync(
    path,
    /<!-- bench:begin -->[\s\S]*<!-- bench:end -->/.test(doc)
      ? doc.replace(/<!-- bench:begin -->[\s\S]*<!-- bench:end -->/, block)
      : `${doc.trimEnd()}\n\n${block}\n`,
  );
}
