// Bot turn driver: N simulated conversations, each posting its replies one after
// another to /api/messages with deliveryMode expectReplies (loopback only).
export interface TurnResult { turns: number; errors: number; seconds: number; p50: number; p99: number; perSecond: number }

const LINES = ['你好', '开始 wrong-change', '非常抱歉,我马上帮您清点钱箱。', '我理解您的心情,差额我现在退给您。', 'I am sorry, let me recount the till now.', '结束'];

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function driveTurns(url: string, conversations: number, turnsEach: number, tag: string): Promise<TurnResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      const conversation = `${tag}-${c}-${Date.now()}`;
      for (let t = 0; t < turnsEach; t++) {
        const activity = {
          type: 'message', id: `${conversation}-${t}`, text: LINES[t % LINES.length], locale: 'zh-CN', channelId: 'bench',
          serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies', timestamp: new Date().toISOString(),
          from: { id: `user-${c}`, name: 'trainee' }, recipient: { id: 'bot' }, conversation: { id: conversation },
        };
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          await res.arrayBuffer();
          if (res.status >= 400) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { turns: latencies.length, errors, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: latencies.length / seconds };
}
