// SQLite work of a bot turn on the request thread: N conversations at once each write their
// state (the UPDATE with its eTag) and record the turn (the INSERT), round after round, through
// the product's own SqlStorage and SqlRecords on a fresh data directory.
// Prints CPU per turn: the whole process (process.cpuUsage, the checkpoint worker included) and
// the main thread alone (from /proc, in 10 ms ticks, so run enough turns).
// Run: npx tsx bench/sqlite-turns.ts [conversations] [rounds]   (default 50 and 200)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../bot/storage/sql.ts';
import { SqlRecords } from '../bot/storage/sql-records.ts';
import { SqlStorage } from '../bot/storage/sql-storage.ts';
import { SqliteDb } from '../bot/storage/sqlite-db.ts';
import { sessionStart, turnRecord } from '../bot/storage/testing/fixtures.ts';

const CONVERSATIONS = Number(process.argv[2] ?? 50);
const ROUNDS = Number(process.argv[3] ?? 200);
const WARMUP = 20;

/** User plus system CPU of this process's main thread, in microseconds (Linux only). */
function mainThreadMicros(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'roleplay-bench-sqlite-'));
const db = new SqliteDb(dir);
await migrate(db);
const storage = new SqlStorage(db);
const records = new SqlRecords(db);

// A conversation's state about the size the product stores (see "stored state per session").
const state = (i: number, round: number) => ({
  conversation: {
    id: `c${i}`,
    round,
    log: Array.from({ length: 12 }, (_, k) => ({ turn: k, text: '顾客说找错钱了，请再核对一下'.repeat(4) })),
  },
});
const items = Array.from({ length: CONVERSATIONS }, (_, i) => ({ ...state(i, 0) }) as Record<string, unknown>);
for (let i = 0; i < CONVERSATIONS; i++) {
  await storage.write({ [`conv/${i}`]: items[i] });
  await records.sessionStarted(sessionStart(`s${i}`));
}

async function round(r: number): Promise<void> {
  await Promise.all(
    items.map(async (item, i) => {
      Object.assign(item, state(i, r));
      await storage.write({ [`conv/${i}`]: item });
      await records.turnRecorded(turnRecord(`s${i}`, r, '您好，您先别着急，我马上帮您核对。'));
    }),
  );
}

for (let r = 1; r <= WARMUP; r++) await round(r);
const cpu0 = process.cpuUsage();
const main0 = mainThreadMicros();
const t0 = process.hrtime.bigint();
for (let r = WARMUP + 1; r <= WARMUP + ROUNDS; r++) await round(r);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0);
const main = mainThreadMicros() - main0;
const turns = CONVERSATIONS * ROUNDS;
const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM turns`);
await db.close();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    conversations: CONVERSATIONS,
    turns,
    rows: rows[0]?.n,
    processMicrosPerTurn: Math.round(((cpu.user + cpu.system) / turns) * 10) / 10,
    mainThreadMicrosPerTurn: Math.round((main / turns) * 10) / 10,
    turnsPerSecond: Math.round(turns / seconds),
  }),
);
