// The live JavaScript heap of a child Node process after a full garbage collection,
// read through its inspector (started with --inspect=127.0.0.1:0). RSS alone cannot
// tell a leak from V8 growing its heap lazily; the heap after a forced GC can, since
// it is only what is still referenced.
import WebSocket from 'ws';

/** The inspector's WebSocket address, from the "Debugger listening on ws://…" line on stderr. */
export async function inspectorUrl(output: () => string, withinMs = 10_000): Promise<string> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const match = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/.exec(output());
    if (match) return match[1]!;
    if (Date.now() > deadline) throw new Error(`no inspector address in the output: ${output().slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface HeapProbe {
  /** Bytes still referenced after a full GC. */
  liveHeapBytes(): Promise<number>;
  close(): Promise<void>;
}

export async function connectHeapProbe(url: string): Promise<HeapProbe> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id!);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return {
    async liveHeapBytes() {
      await call('HeapProfiler.collectGarbage');
      const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number };
      return usage.usedSize;
    },
    async close() {
      socket.close();
    },
  };
}
