// All benchmarks in one run, each against a baseline measured in the same run.
// Run: npm run bench            (full; rewrites the generated block of docs/benchmarks.md)
//      npm run bench -- --quick (small sizes, prints only; used by CI)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateReply } from '../evaluators/index.ts';
import { startEchoBot } from './echo-bot.ts';
import { driveTurns, percentile, type TurnResult } from './turns.ts';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const QUICK = process.argv.includes('--quick');
const SCORE_LINES = QUICK ? 2_000 : 50_000;
const CONVERSATIONS = QUICK ? [5] : [50, 200];
const TURNS_EACH = QUICK ? 4 : 12;
/** Sessions left open (started, one reply, not ended) for the memory figures. */
const OPEN_SESSIONS = QUICK ? [50] : [1_000, 10_000];

const REPLIES: [string, string, string][] = [
  ['zh-CN', '你少找我钱了!', '非常抱歉,我现在就帮您清点一下钱箱,如果确实少找了,差额退给您。'],
  ['zh-CN', '我的号码为什么又停机了?', '你先听我说,不可能,系统显示您根本没交费。'],
  ['zh-CN', '手机上不了网', '您的APN配置可能有问题,HLR签约数据我转给后台看一下。'],
  ['zh-CN', '到底什么时候能好?', '我保证今天之内肯定给您恢复。'],
  ['zh-TW', '我的號碼能不能保留?', '很抱歉,2G的號碼沒辦法直接辦3G方案,不過我可以幫您群發簡訊通知新號碼。'],
  ['en', 'You gave me the wrong change!', "I'm so sorry. Let me recount the till right now and refund the difference if it's short."],
  ['en', 'When will it be fixed?', "I guarantee it'll be fixed today, 100%."],
  ['en', 'The lobby is blocked.', "I'll call the owner now and get back to you within ten minutes."],
];

type Row = [string, string, string];
const rows: Row[] = [];
const row = (name: string, value: string, note = ''): void => {
  rows.push([name, value, note]);
  console.log(`${name.padEnd(44)} ${value.padStart(16)}  ${note}`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en');

function scoring(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-score-'));
  try {
    const file = join(dir, 'replies.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < SCORE_LINES; i++) {
      const [locale, customer, reply] = REPLIES[i % REPLIES.length]!;
      lines.push(JSON.stringify({ id: `r${i}`, locale, customer, reply: i % 3 ? reply : `${reply}${i % 7}` }));
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = (args: string[]): number => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
      if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${String(r.status)}`);
      return SCORE_LINES / ((performance.now() - t0) / 1000);
    };
    // Identity baseline: the same read → JSON.parse → JSON.stringify → write pipeline, no evaluation.
    const identity = run(['-e', "const fs=require('fs');const out=fs.readFileSync(process.argv[1],'utf8').split('\\n').filter(Boolean).map(l=>JSON.stringify({id:JSON.parse(l).id}));fs.writeFileSync('/dev/null',out.join('\\n'))", file]);
    const score = run(['bin/roleplay.js', 'score', file]);
    row(`score: identity pipeline (${fmt(SCORE_LINES)} lines)`, `${fmt(identity)} /s`);
    row('score: roleplay score end to end', `${fmt(score)} /s`, `target ≥ 5,000/s; ${(score / identity * 100).toFixed(2)}% of identity`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const latencies: number[] = [];
  for (let i = 0; i < (QUICK ? 2_000 : 20_000); i++) {
    const [locale, customer, reply] = REPLIES[i % REPLIES.length]!;
    const t0 = performance.now();
    evaluateReply(`${reply}${i % 11}`, { locale: locale as 'zh-CN', customer });
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  row('score: per-reply latency p50 / p99 (in process)', `${percentile(latencies, 50).toFixed(3)} / ${percentile(latencies, 99).toFixed(3)} ms`, 'target p99 ≤ 1 ms');
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startProduct(env: NodeJS.ProcessEnv): Promise<{ url: string; startupMs: number; pid: number; stop(): void }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/roleplay.js', 'serve', '--port', String(port), '--host', '127.0.0.1', '--no-pacing'], { cwd: ROOT, env: { ...process.env, ...env, PACING: 'false' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`roleplay serve exited ${String(child.exitCode)}: ${stderr.slice(0, 500)}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch { /* not listening yet */ }
    if (performance.now() - t0 > 30_000) throw new Error('roleplay serve not ready after 30 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { url, startupMs: performance.now() - t0, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Opens sessions in batches (start a scenario, one reply, left open) and reports RSS growth. */
async function openSessions(product: { url: string; pid: number }): Promise<void> {
  let opened = 0;
  const base = rssKb(product.pid);
  for (const target of OPEN_SESSIONS) {
    while (opened < target) {
      const batch = Math.min(200, target - opened);
      await driveTurns(product.url, batch, 3, `open${opened}`);
      opened += batch;
    }
    const grown = (rssKb(product.pid) - base) / 1024;
    row(`memory: RSS with ${fmt(target)} open sessions`, `+${fmt(grown)} MB`, `target: 1,000 sessions add ≤ 100 MB`);
  }
}

function storedStateBytes(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const r = db.prepare(`SELECT AVG(LENGTH(CAST(data AS BLOB))) AS bytes FROM bot_state WHERE key LIKE '%/conversations/%'`).get() as { bytes: number | null };
    return r.bytes ?? 0;
  } finally {
    db.close();
  }
}

async function bot(): Promise<void> {
  const echo = await startEchoBot();
  const echoResults = new Map<number, TurnResult>();
  try {
    for (const n of CONVERSATIONS) echoResults.set(n, await driveTurns(echo.url, n, TURNS_EACH, 'echo'));
  } finally {
    await echo.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
  try {
    // DATABASE_URL is cleared so this run measures the embedded store even where PostgreSQL is configured.
    const product = await startProduct({ DATA_DIR: dir, DATABASE_URL: '' });
    row('start-up: process start → /readyz ok', `${fmt(product.startupMs)} ms`, 'target ≤ 2,000 ms');
    try {
      const before = rssKb(product.pid);
      for (const n of CONVERSATIONS) {
        const e = echoResults.get(n)!;
        const p = await driveTurns(product.url, n, TURNS_EACH, `bot${n}`);
        row(`turns: echo bot, ${n} conversations`, `${fmt(e.perSecond)} /s`, `p50 ${e.p50.toFixed(1)} ms, p99 ${e.p99.toFixed(1)} ms, errors ${e.errors}`);
        row(`turns: roleplay bot (SQLite), ${n} conversations`, `${fmt(p.perSecond)} /s`, `${(p.perSecond / e.perSecond * 100).toFixed(0)}% of echo (target ≥ 70% at 50); p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms (target ≤ 50); non-2xx ${p.errors}`);
      }
      const after = rssKb(product.pid);
      const sessions = CONVERSATIONS.reduce((a, b) => a + b, 0);
      row(`memory: RSS growth after ${sessions} sessions`, `${fmt((after - before) / 1024)} MB`, `${fmt(((after - before) * 1024) / sessions)} bytes/session incl. heap slack`);
      await openSessions(product);
      row('memory: stored state per conversation', `${fmt(storedStateBytes(join(dir, 'roleplay.sqlite')))} bytes`, 'target ≤ 16 KB (average bot_state row of a conversation, SQLite)');
    } finally {
      product.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!process.env.DATABASE_URL) {
    row('turns: roleplay bot (PostgreSQL)', 'skipped', 'no DATABASE_URL set');
    return;
  }
  const pgDir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  const product = await startProduct({ DATA_DIR: pgDir, DATABASE_URL: process.env.DATABASE_URL });
  try {
    for (const n of CONVERSATIONS) {
      const e = echoResults.get(n)!;
      const p = await driveTurns(product.url, n, TURNS_EACH, `pg${n}-${Date.now()}`);
      row(`turns: roleplay bot (PostgreSQL), ${n} conversations`, `${fmt(p.perSecond)} /s`, `${(p.perSecond / e.perSecond * 100).toFixed(0)}% of echo; p50 ${p.p50.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms; non-2xx ${p.errors}`);
    }
  } finally {
    product.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

scoring();
try {
  await bot();
} catch (error) {
  row('bot benchmarks', 'failed', error instanceof Error ? error.message.split('\n')[0]! : String(error));
}

if (!QUICK) {
  const path = join(ROOT, 'docs/benchmarks.md');
  const table = ['| benchmark | result | notes |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const block = `<!-- bench:begin -->\nLatest \`npm run bench\` (${new Date().toISOString().slice(0, 16)}Z, ${process.version}):\n\n${table}\n<!-- bench:end -->`;
  const doc = readFileSync(path, 'utf8');
  writeFileSync(path, /<!-- bench:begin -->[\s\S]*<!-- bench:end -->/.test(doc) ? doc.replace(/<!-- bench:begin -->[\s\S]*<!-- bench:end -->/, block) : `${doc.trimEnd()}\n\n${block}\n`);
}
