// Under WAL, SQLite copies the log back into the database file (a checkpoint) on whichever
// connection commits the thousandth page, synchronously: on the server's event loop every
// turn waiting at that moment would pay for the copy and the fsync (figures in
// docs/benchmarks.md, "Storage"). A second
// connection in a worker thread checkpoints instead, twice a second; the server's own
// connection only appends to the log. Commits stay exactly as durable: they are in the log.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

// Plain CommonJS, evaluated in the worker, so it runs the same from the sources (tsx) and the build.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 1000');
} catch (error) {
  // SQLite's own error class does not survive the trip to the parent: send its text.
  parentPort.postMessage({ error: String((error && error.message) || error) });
  process.exit(1);
}
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.postMessage({ ready: true });
parentPort.on('message', (message) => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Starts checkpointing `file` from a worker thread. `onFailure` hears when the worker cannot
 * open the database or stops: the caller then goes back to SQLite's own checkpoints.
 */
export function startCheckpointer(file: string, onFailure: (reason: string) => void, everyMs = 500): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, module, everyMs } });
  // A command that opens the store and forgets to close it must still exit.
  worker.unref();
  let failed = false;
  let closing: Promise<void> | undefined;
  const fail = (reason: string) => {
    if (failed || closing) return;
    failed = true;
    void worker.terminate();
    onFailure(reason);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) fail(message.error);
  });
  // What the worker threw arrives cloned, not always as an Error.
  worker.on('error', (error: unknown) => fail(String((error as { message?: unknown } | null)?.message ?? error)));
  worker.on('exit', (code) => fail(`checkpoint worker exited (${code})`));
  return {
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        if (failed) return resolve();
        const done = () => void worker.terminate().finally(resolve);
        worker.on('message', (message: { closed?: boolean }) => message.closed && done());
        worker.once('exit', () => resolve());
        worker.postMessage('close');
        // Never let shutdown hang on it.
        setTimeout(done, 2000).unref();
      })),
  };
}
