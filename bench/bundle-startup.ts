// How `roleplay serve` starts from today's build (bin/build.js: compiled sources, bundled
// botbuilder/restify, precompiled validators, recorded YAML) against a plain whole-app
// esbuild bundle (one ESM file of cli/main.ts, native modules external). Both are made from
// one fresh copy of the sources, so neither reuses an earlier build, and their starts
// alternate, so a change in the machine's load falls on both. A start counts from the spawn
// to the first 200 from /readyz. Prints build time, output size and the start-up figures as
// a Markdown table for docs/benchmarks.md.
// Run: npm run bench:bundle [-- --runs N]
import { spawn } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { freePort, isolatedServerEnv } from '../test/support/server-process.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `roleplay` is made of; the copy holds these and links node_modules. */
const COPIED = ['bin', 'cli', 'bot', 'scenarios', 'evaluators', 'lib', 'package.json'];
/**
 * Left to Node by the plain bundle: native modules (and the optional native helpers of pg
 * and ws), and the packages that find files beside their own source at run time.
 */
const PLAIN_EXTERNAL = ['better-sqlite3', '@node-rs/jieba', 'pg-native', 'bufferutil', 'utf-8-validate', 'dtrace-provider', 'pino', 'open'];
const READY_WITHIN_MS = 120_000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number of at least 1`);
  return value;
}

/** Bytes of the regular files below `dir` (links to the sources' data are not output). */
function outputBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += outputBytes(path);
    else if (entry.isFile()) total += lstatSync(path).size;
  }
  return total;
}

/** A copy of the sources with node_modules linked, so each build starts from nothing. */
function copySources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roleplay-bundle-bench-'));
  for (const name of COPIED) cpSync(join(ROOT, name), join(dir, name), { recursive: true, verbatimSymlinks: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Today's build, as `npm install` makes it (`node bin/build.js`, its own process). */
async function buildToday(dir: string): Promise<{ ms: number; bytes: number; argv: string[] }> {
  const started = performance.now();
  const proc = spawn(process.execPath, ['bin/build.js'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  let said = '';
  proc.stdout?.on('data', (c: Buffer) => (said += c.toString()));
  const code = await new Promise((resolve) => proc.once('exit', resolve));
  const ms = performance.now() - started;
  const out = /compiled sources in (\S+)/.exec(said)?.[1];
  if (code !== 0 || !out) throw new Error(`bin/build.js made no build: ${said}`);
  return { ms, bytes: outputBytes(join(dir, out)), argv: ['bin/roleplay.js', 'serve'] };
}

/**
 * The plain bundle. Each source's `import.meta.url` is replaced by that source file's own
 * URL, so the data files (scenarios, lexicons, web assets) are found where they are.
 */
async function buildPlain(dir: string): Promise<{ ms: number; bytes: number; argv: string[] }> {
  const out = join(dir, 'plain');
  mkdirSync(out, { recursive: true });
  const entry = join(dir, 'plain-entry.ts');
  writeFileSync(entry, `import { main } from './cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  const sourceUrls: esbuild.Plugin = {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
      });
    },
  };
  const started = performance.now();
  await esbuild.build({
    entryPoints: [entry],
    outfile: join(out, 'app.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: PLAIN_EXTERNAL,
    // CommonJS packages inside an ES module still call require for Node's own modules.
    banner: { js: `import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);` },
    plugins: [sourceUrls],
    absWorkingDir: dir,
    logLevel: 'error',
  });
  const ms = performance.now() - started;
  return { ms, bytes: outputBytes(out), argv: [relative(dir, join(out, 'app.mjs')), 'serve'] };
}

/** Milliseconds from the spawn of `node …argv` to the first 200 from /readyz. */
async function startUp(dir: string, argv: string[]): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'roleplay-bundle-data-'));
  const started = performance.now();
  const proc = spawn(process.execPath, argv, {
    cwd: dir,
    env: isolatedServerEnv(port, { DATA_DIR: dataDir }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  proc.stderr?.on('data', (c: Buffer) => (errors = (errors + c.toString()).slice(-4000)));
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`${argv.join(' ')} exited (${proc.exitCode}): ${errors}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > READY_WITHIN_MS) throw new Error(`${argv.join(' ')} not ready: ${errors}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    proc.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number): string => `${Math.round(x).toLocaleString('en')} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const runs = option('--runs', 7);
const dir = copySources();
try {
  const today = await buildToday(dir);
  const plain = await buildPlain(dir);
  const kinds = [
    { name: '`bin/build.js` (today)', ...today, starts: [] as number[] },
    { name: 'plain esbuild bundle', ...plain, starts: [] as number[] },
  ];
  // One unmeasured start each: the first read of the files is the disk's, not the launcher's.
  for (const kind of kinds) await startUp(dir, kind.argv);
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 ? [...kinds].reverse() : kinds) kind.starts.push(await startUp(dir, kind.argv));
  }
  const [base, other] = kinds;
  const change = (median(other!.starts) / median(base!.starts) - 1) * 100;
  console.log(`| build | build time | output | start-up to /readyz, median of ${runs} | min | max | every start |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const k of kinds) {
    console.log(
      `| ${k.name} | ${ms(k.ms)} | ${mb(k.bytes)} | ${ms(median(k.starts))} | ${ms(Math.min(...k.starts))} | ${ms(Math.max(...k.starts))} | ${k.starts.map((s) => Math.round(s)).join(', ')} |`,
    );
  }
  console.log(`\nplain bundle start-up against today's: ${change >= 0 ? '+' : ''}${change.toFixed(0)} %`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
