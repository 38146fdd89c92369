// The real bot server as a child process (`node bin/roleplay.js serve`) on a free
// loopback port, and a trainee talking to a server (this one or one started in the
// test's own process) through POST /api/messages with deliveryMode expectReplies, so
// each answer comes back in the HTTP response.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface ServerProcess {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** Everything the process wrote to stdout and stderr so far (for failure messages). */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/**
 * The environment of a server that stays to itself: loopback on `port`, no pacing, quiet log,
 * and a developer's .env or shell cleared so it cannot point the server at their own store or token.
 */
export function isolatedServerEnv(port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PACING: 'off',
    LOG_LEVEL: 'warn',
    TRAINER_TOKEN: '',
    DATABASE_URL: '',
    MicrosoftAppId: '',
    ...env,
  };
}

/** Starts the server and waits until /readyz answers 200 (the storage opened, scenarios loaded). */
export async function spawnServer(
  env: Record<string, string>,
  options: { nodeArgs?: string[]; readyWithinMs?: number } = {},
): Promise<ServerProcess> {
  const readyWithinMs = options.readyWithinMs ?? 60_000;
  const port = await freePort();
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/roleplay.js', 'serve'], {
    cwd: ROOT,
    env: isolatedServerEnv(port, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  proc.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (graceMs = 5000): Promise<void> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early (${proc.exitCode}): ${out}`);
    try {
      if ((await fetch(`${url}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop(0);
      throw new Error(`server not ready within ${readyWithinMs} ms: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { proc, pid: proc.pid!, url, output: () => out, stop };
}

export interface Activity {
  type?: string;
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

export interface Answer {
  status: number;
  activities: Activity[];
  /** The texts of all returned activities, one per line. */
  text: string;
}

export interface Trainee {
  conversation: string;
  locale: string;
  /** Sends a message; `id` lets a test resend the same activity (a channel retry). */
  say(text: string, id?: string): Promise<Answer>;
}

export interface TraineeOptions {
  /** The channel the activities claim to come from (default `test`). */
  channelId?: string;
  /** Who speaks (default: id `trainee-<conversation>`, name `Trainee`). */
  from?: { id: string; name: string };
}

let seq = 0;

export function trainee(url: string, conversation: string, locale = 'zh-CN', options: TraineeOptions = {}): Trainee {
  const channelId = options.channelId ?? 'test';
  const from = options.from ?? { id: `trainee-${conversation}`, name: 'Trainee' };
  return {
    conversation,
    locale,
    async say(text, id) {
      const activity = {
        type: 'message',
        id: id ?? `m${process.pid}-${++seq}`,
        channelId,
        serviceUrl: 'http://127.0.0.1:1/',
        conversation: { id: conversation },
        from,
        recipient: { id: 'bot' },
        locale,
        deliveryMode: 'expectReplies',
        timestamp: new Date().toISOString(),
        text,
      };
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const body = await res.text();
      let activities: Activity[] = [];
      if (body) {
        try {
          activities = (JSON.parse(body) as { activities?: Activity[] }).activities ?? [];
        } catch {
          // A non-JSON body is reported through the status; the caller asserts on it.
        }
      }
      return { status: res.status, activities, text: activities.map((a) => a.text ?? '').join('\n') };
    },
  };
}

/** Whether the answer holds the score card (not a coaching note, which is a card too). */
export const hasCard = (answer: Answer): boolean =>
  answer.activities.some((a) => (a.attachments ?? []).some((card) => /总分|Overall/.test(JSON.stringify(card))));

/** Resident set size of a process in kB, from /proc/<pid>/status (Linux). */
export function rssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]);
}
