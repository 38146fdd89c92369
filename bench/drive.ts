// The load generator for the bot benchmarks, run in its own process so it never
// shares an event loop (or a core's time slice accounting) with the bot it measures.
// autocannon keeps one keep-alive connection per conversation and sends the next
// turn only when the previous reply has arrived (pipelining 1): N connections are
// N trainees playing a scenario turn by turn. Prints one JSON TurnResult line.
//
// With `overallRate` the load is open-loop instead: turns arrive evenly spaced at that
// total rate whatever the server does, each going to the next conversation that is not
// waiting for an answer, and a turn's latency counts from when it was due, not from when
// it could be sent (so a stalled server is not flattered by the turns it held back).
// autocannon's own rate limit is not used for this: it lets each connection send its
// whole second's quota back to back at the top of every second, so 50 connections
// arrive as one burst per second and the latency measured is the burst's queue.
//
//   node --import tsx bench/drive.ts '{"url":"http://127.0.0.1:3978","conversations":50,"turnsEach":12,"rounds":2,"tag":"bot50"}'
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { percentile, type TurnResult } from './turns.ts';

export interface DriveOptions {
  url: string;
  conversations: number;
  /** Turns in one conversation's script; the script starts over in a new conversation. */
  turnsEach: number;
  /** Scripts each connection plays in the measured run. */
  rounds: number;
  tag: string;
  /** Unmeasured rounds first, so both bots are measured warm (JIT, caches, connections). */
  warmupRounds?: number;
  /** Play only the first `turnsEach` turns and leave the conversations open (memory benchmark). */
  script?: 'play' | 'open';
  /** Turns per second over all conversations; unset, each conversation sends its next turn as soon as it has the answer. */
  overallRate?: number;
}

/** A trainee's replies: Chinese and English, polite and careless, of realistic length. */
const REPLIES = [
  '非常抱歉给您添麻烦了,我马上帮您清点一下钱箱,如果确实少找了,差额现在就退给您。',
  '我理解您的心情,换做是我也会着急。您稍等一下,我把今天的交易记录调出来核对。',
  'I am sorry about that. Let me recount the till right now and refund the difference if it is short.',
  '你先听我说,不可能少找的,我们这边都是机器点的钞。',
  '好的,我已经核对完了,确实少找了您二十元,这是给您的,再次向您道歉。',
  'I completely understand. I will check the receipt and the camera record, and get back to you within ten minutes.',
  '您放心,我保证以后一定注意,下次您来我亲自给您办理。',
  '请您把小票给我看一下好吗?我对一下金额,马上给您处理。',
  '这个情况我需要跟值班经理确认一下,大概五分钟,您先坐一下喝杯水。',
  'Thanks for your patience. The difference is refunded; is there anything else I can help you with today?',
];

function script(turnsEach: number, kind: 'play' | 'open'): string[] {
  if (kind === 'open')
    return ['开始 wrong-change', ...Array.from({ length: Math.max(0, turnsEach - 1) }, (_, i) => REPLIES[i % REPLIES.length]!)];
  const replies = Array.from({ length: Math.max(0, turnsEach - 2) }, (_, i) => REPLIES[i % REPLIES.length]!);
  return ['开始 wrong-change', ...replies, '结束'];
}

function activity(text: string, conversation: string, user: string, turn: number): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversation}-${turn}`,
    text,
    locale: 'zh-CN',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    from: { id: user, name: 'trainee' },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
  });
}

interface Context {
  conversation?: string;
  user?: string;
  turn?: number;
}

async function run(options: DriveOptions, rounds: number, tag: string): Promise<TurnResult> {
  const lines = script(options.turnsEach, options.script ?? 'play');
  let conversations = 0;
  let empty = 0;
  const latencies: number[] = [];
  const requests = lines.map((text, index) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>, context: Context) => {
      if (index === 0 || !context.conversation) {
        const n = conversations++;
        context.conversation = `${tag}-${n}`;
        context.user = `${tag}-user-${n}`;
        context.turn = 0;
      }
      const turn = (context.turn = (context.turn ?? 0) + 1);
      req.body = activity(text, context.conversation, context.user ?? '', turn);
      return req;
    },
    // An expectReplies answer carries the bot's activities in its body; a turn without any did not really happen.
    onResponse: (status: number, body: string) => {
      if (status < 300 && !body.includes('"activities"')) empty++;
    },
  }));
  const instance = autocannon({
    url: options.url,
    connections: options.conversations,
    pipelining: 1,
    amount: options.conversations * lines.length * rounds,
    timeout: 60,
    // autocannon's types describe setupRequest loosely; the shape above is what it calls.
    requests: requests as unknown as autocannon.Request[],
  });
  // Timed from the first request sent to the last answer received: autocannon's own duration includes its set-up and end-of-run tick.
  let first = Infinity;
  let last = 0;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    const now = performance.now();
    first = Math.min(first, now - responseTime);
    last = now;
    latencies.push(responseTime);
  });
  const result = await instance;
  return summary(latencies, result.errors + result.timeouts + result.non2xx + empty, last - first);
}

/** Open loop: `overallRate` turns per second, evenly spaced, over `conversations` keep-alive connections. */
async function runOpen(options: DriveOptions, rate: number, rounds: number, tag: string): Promise<TurnResult> {
  const lines = script(options.turnsEach, options.script ?? 'play');
  const total = options.conversations * lines.length * rounds;
  const url = new URL('/api/messages', options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.conversations });
  const interval = 1000 / rate;
  const players = Array.from({ length: options.conversations }, () => ({ conversation: '', user: '', line: 0, turn: 0 }));
  const idle = players.map((_, i) => i);
  const due: number[] = [];
  const latencies: number[] = [];
  let started = 0;
  let conversations = 0;
  let answered = 0;
  let errors = 0;
  const t0 = performance.now();
  let last = t0;

  return new Promise<TurnResult>((resolve) => {
    const send = (index: number, dueAt: number) => {
      const player = players[index]!;
      if (player.line === 0) {
        const n = conversations++;
        player.conversation = `${tag}-${n}`;
        player.user = `${tag}-user-${n}`;
        player.turn = 0;
      }
      const body = activity(lines[player.line]!, player.conversation, player.user, ++player.turn);
      player.line = (player.line + 1) % lines.length;
      const done = (ok: boolean) => {
        const now = performance.now();
        latencies.push(now - dueAt);
        if (!ok) errors++;
        last = now;
        answered++;
        idle.push(index);
        if (answered === total) {
          agent.destroy();
          resolve(summary(latencies, errors, last - t0));
        } else dispatch();
      };
      const req = request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => done((res.statusCode ?? 500) < 300 && text.includes('"activities"')));
          res.on('error', () => done(false));
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => done(false));
      req.end(body);
    };
    const dispatch = () => {
      while (due.length && idle.length) send(idle.shift()!, due.shift()!);
    };
    const tick = () => {
      const now = performance.now();
      while (started < total && t0 + started * interval <= now) due.push(t0 + started++ * interval);
      dispatch();
      if (started < total) setTimeout(tick, Math.max(0, t0 + started * interval - performance.now()));
    };
    tick();
  });
}

/** The run's figures from every turn's latency (ms) and the time from the first send to the last answer (ms). */
function summary(latencies: number[], errors: number, elapsedMs: number): TurnResult {
  const seconds = Math.max(1e-3, elapsedMs / 1000);
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
  };
}

const options = JSON.parse(process.argv[2] ?? '{}') as DriveOptions;
const play = (rounds: number, tag: string) =>
  options.overallRate ? runOpen(options, options.overallRate, rounds, tag) : run(options, rounds, tag);
if (options.warmupRounds) await play(options.warmupRounds, `${options.tag}-warm`);
const result = await play(options.rounds, options.tag);
process.stdout.write(`${JSON.stringify(result)}\n`);
