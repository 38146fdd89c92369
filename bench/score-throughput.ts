// Throughput of `roleplay score`, end to end (process start, module load, JSONL
// in, JSONL out), on a generated mixed zh-CN / zh-TW / en file, against an
// identity baseline (the same file piped through `cat`).
// Run: npx tsx bench/score-throughput.ts [lines]   (default 50000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LINES = Number(process.argv[2] ?? 50_000);

const REPLIES: [string, string, string][] = [
  ['zh-CN', '你少找我钱了!', '非常抱歉,我现在就帮您清点一下钱箱,如果确实少找了,一定把差额退给您。'],
  ['zh-CN', '我的号码为什么又停机了?', '你先听我说,不可能,我们系统显示您根本没交费。'],
  ['zh-CN', '手机上不了网', '您的APN配置可能有问题,HLR里面签约数据我escalate给backend看一下。'],
  ['zh-CN', '到底什么时候能好?', '我保证今天之内肯定给您恢复,包在我身上。'],
  ['zh-CN', '你们太过分了', '我理解您的心情,换做是我也会着急。我马上帮您提交加急复机,一般24小时内处理好,明天上午十点前我给您回电话。'],
  ['zh-TW', '我的號碼能不能保留?', '很抱歉,2G的號碼沒辦法直接辦3G方案,不過我可以幫您把通訊錄導入商務助理,群發簡訊通知新號碼。'],
  [
    'en',
    'You gave me the wrong change!',
    "I'm so sorry about that. Let me recount the till right now and refund the difference if it's short.",
  ],
  ['en', 'My phone keeps dropping calls.', "Okay okay, I get it. That's impossible, our network is fine."],
  ['en', 'When will it be fixed?', "I guarantee it'll be fixed today, 100%."],
  ['en', 'The lobby is blocked.', "I'll call the owner now and get back to you within ten minutes."],
];

function generate(path: string): number {
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const [locale, customer, reply] = REPLIES[i % REPLIES.length]!;
    // Vary each reply a little so nothing can be answered from a cache of whole lines.
    lines.push(JSON.stringify({ id: `r${i}`, locale, customer, reply: i % 3 ? `${reply}` : `${reply}${i % 7}` }));
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

function timed(label: string, command: string, args: string[], input: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, [...args, input], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${label} exited ${String(run.status)}`);
  const rate = LINES / seconds;
  console.log(`${label.padEnd(28)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(rate).toLocaleString('en').padStart(10)} lines/s`);
  return rate;
}

const dir = mkdtempSync(join(tmpdir(), 'score-bench-'));
try {
  const file = join(dir, 'replies.jsonl');
  const bytes = generate(file);
  console.log(`${LINES.toLocaleString('en')} replies (${(bytes / 1e6).toFixed(1)} MB, zh-CN/zh-TW/en)`);
  timed('identity baseline (cat)', 'cat', [], file);
  timed('roleplay score (jsonl)', process.execPath, ['bin/roleplay.js', 'score'], file);
  timed('roleplay score --format csv', process.execPath, ['bin/roleplay.js', 'score', '--format', 'csv'], file);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
