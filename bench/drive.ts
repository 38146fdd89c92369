// The load generator for the bot benchmarks, run in its own process so it never
// shares an event loop (or a core's time slice accounting) with the bot it measures.
// Each conversation has its own keep-alive connection and sends its next turn only
// when the previous reply has arrived: N connections are N trainees playing a scenario
// turn by turn. Prints one JSON TurnResult line.
//
// With `overallRate` the load is open-loop instead: turns arrive evenly spaced at that
// total rate whatever the server does, each going to the next conversation that is not
// waiting for an answer, and a turn's latency counts from when it was due, not from when
// it could be sent (so a stalled server is not flattered by the turns it held back).
//
// The client is a plain socket (keep-alive-client.ts), not a general HTTP client: the
// generator runs on the same cores as the server, and every microsecond it spends per
// turn is one the server under test does not get (docs/benchmarks.md, "The load generator").
//
//   node --import tsx bench/drive.ts '{"url":"http://127.0.0.1:3978","conversations":50,"turnsEach":12,"rounds":2,"tag":"bot50"}'
import { KeepAliveConnection, type Answer } from './keep-alive-client.ts';
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

interface Player {
  connection: KeepAliveConnection;
  conversation: string;
  user: string;
  /** The next line of the script to send. */
  line: number;
  turn: number;
}

/** Sessions of `tag`, each on its own keep-alive connection, numbered as their conversations start. */
function players(options: DriveOptions, tag: string): { list: Player[]; next(p: Player, lines: string[]): string } {
  const url = new URL(options.url);
  let conversations = 0;
  const list = Array.from({ length: options.conversations }, () => ({
    connection: new KeepAliveConnection(url),
    conversation: '',
    user: '',
    line: 0,
    turn: 0,
  }));
  return {
    list,
    /** The body of the player's next turn; a script begins in a new conversation. */
    next(p, lines) {
      if (p.line === 0) {
        const n = conversations++;
        p.conversation = `${tag}-${n}`;
        p.user = `${tag}-user-${n}`;
        p.turn = 0;
      }
      const body = activity(lines[p.line]!, p.conversation, p.user, ++p.turn);
      p.line = (p.line + 1) % lines.length;
      return body;
    },
  };
}

/** An expectReplies answer carries the bot's activities in its body; a turn without any did not really happen. */
const answered = (a: Answer): boolean => a.status < 300 && a.body.includes('"activities"');

/** Closed loop: each connection sends its next turn as soon as the answer to the last one has arrived. */
async function run(options: DriveOptions, rounds: number, tag: string): Promise<TurnResult> {
  const lines = script(options.turnsEach, options.script ?? 'play');
  const { list, next } = players(options, tag);
  const latencies: number[] = [];
  let errors = 0;
  let first = Infinity;
  let last = 0;
  await Promise.all(
    list.map(async (p) => {
      for (let i = 0; i < lines.length * rounds; i++) {
        const body = next(p, lines);
        const sent = performance.now();
        first = Math.min(first, sent);
        try {
          if (!answered(await p.connection.post('/api/messages', body))) errors++;
        } catch {
          errors++;
        }
        last = performance.now();
        latencies.push(last - sent);
      }
      p.connection.close();
    }),
  );
  return summary(latencies, errors, last - first);
}

/** Open loop: `overallRate` turns per second, evenly spaced, over `conversations` keep-alive connections. */
async function runOpen(options: DriveOptions, rate: number, rounds: number, tag: string): Promise<TurnResult> {
  const lines = script(options.turnsEach, options.script ?? 'play');
  const total = options.conversations * lines.length * rounds;
  const interval = 1000 / rate;
  const { list, next } = players(options, tag);
  const idle = list.map((_, i) => i);
  const due: number[] = [];
  const latencies: number[] = [];
  let started = 0;
  let done = 0;
  let errors = 0;
  const t0 = performance.now();
  let last = t0;

  return new Promise<TurnResult>((resolve) => {
    const send = (index: number, dueAt: number) => {
      const player = list[index]!;
      const finish = (ok: boolean) => {
        const now = performance.now();
        latencies.push(now - dueAt);
        if (!ok) errors++;
        last = now;
        done++;
        idle.push(index);
        if (done === total) {
          for (const p of list) p.connection.close();
          resolve(summary(latencies, errors, last - t0));
        } else dispatch();
      };
      player.connection.post('/api/messages', next(player, lines)).then(
        (a) => finish(answered(a)),
        () => finish(false),
      );
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
