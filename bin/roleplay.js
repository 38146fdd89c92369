#!/usr/bin/env node
// Launcher. The sources are TypeScript; a compiled copy of exactly the current
// sources (bin/build.js, made by `npm install` or on the first run after an
// edit) starts much faster than compiling through tsx. When no build can be
// made, the sources run through tsx.
import { spawn } from 'node:child_process';

// `roleplay score` keeps every core busy with its own worker threads. V8's background
// threads (optimising compiles, parallel and concurrent garbage collection) then preempt
// a worker in the middle of a reply and its tail latency suffers, at the same throughput
// (figures in docs/benchmarks.md, "Batch scoring"). So that command runs
// in a child Node started with --single-threaded; everything else, the server above all,
// keeps those threads.
const SINGLE_THREADED = '--single-threaded';

if (process.argv[2] === 'score' && !process.execArgv.includes(SINGLE_THREADED)) {
  const child = spawn(process.execPath, [SINGLE_THREADED, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (signal) {
      // Die of the same signal, as the command itself would have.
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else {
  const { compiledMain } = await import('./build.js');
  const compiled = await compiledMain();
  let main;
  if (compiled) {
    // The compiled copy's folder is named by a hash of the sources, known only now; it holds
    // the same modules as cli/main.ts, whose own imports are literal.
    // eslint-disable-next-line no-restricted-syntax
    ({ main } = await import(new URL(`file://${compiled}`).href));
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ main } = await import('../cli/main.ts'));
  }
  process.exitCode = await main(process.argv.slice(2));
}
