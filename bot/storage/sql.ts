// The few statements both backends need, written once with `?` placeholders.
// PostgreSQL gets them renumbered to $1…; JSON is kept as text so both read alike.

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres';
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: unknown[]): Promise<number>;
  /** Runs `fn` in one transaction on one connection. */
  transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T>;
}

export function toPostgres(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Versioned migrations: each runs once, in order, recorded in schema_version. */
export const MIGRATIONS: { version: number; statements: string[] }[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS bot_state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS trainees (id TEXT PRIMARY KEY, name TEXT, channel TEXT NOT NULL, first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL)`,
      `CREATE TABLE IF NOT EXISTS sessions (session_id TEXT PRIMARY KEY, trainee_id TEXT NOT NULL, conversation_id TEXT NOT NULL, scenario_id TEXT NOT NULL, locale TEXT NOT NULL, mode TEXT NOT NULL, started_at BIGINT NOT NULL, ended_at BIGINT, outcome TEXT, overall DOUBLE PRECISION, report TEXT)`,
      `CREATE INDEX IF NOT EXISTS sessions_trainee ON sessions (trainee_id, started_at)`,
      `CREATE TABLE IF NOT EXISTS turns (session_id TEXT NOT NULL, turn INTEGER NOT NULL, customer TEXT NOT NULL, reply TEXT NOT NULL, customer_at BIGINT NOT NULL, customer_until BIGINT NOT NULL, reply_at BIGINT NOT NULL, interrupted INTEGER NOT NULL, evaluation TEXT NOT NULL, answer TEXT NOT NULL, PRIMARY KEY (session_id, turn))`,
      `CREATE TABLE IF NOT EXISTS disputes (session_id TEXT NOT NULL, turn INTEGER NOT NULL, trainee_id TEXT NOT NULL, evaluator TEXT NOT NULL, rule TEXT NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, comment TEXT, created_at BIGINT NOT NULL, status TEXT NOT NULL DEFAULT 'open', PRIMARY KEY (session_id, turn, evaluator, rule, span_start, span_end))`,
    ],
  },
  {
    // A trainer's decision on a dispute, and the learning-record statements waiting for the LRS.
    version: 2,
    statements: [
      `ALTER TABLE disputes ADD COLUMN reason TEXT`,
      `ALTER TABLE disputes ADD COLUMN resolved_at BIGINT`,
      `CREATE TABLE IF NOT EXISTS xapi_outbox (statement_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, statement TEXT NOT NULL, created_at BIGINT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, last_error TEXT, sent_at BIGINT)`,
      `CREATE INDEX IF NOT EXISTS xapi_outbox_due ON xapi_outbox (sent_at, next_attempt_at)`,
    ],
  },
  {
    // Direct Line conversations as rows: an activity is an insert, not a rewrite of the whole log.
    version: 3,
    statements: [
      `CREATE TABLE IF NOT EXISTS dl_conversations (conversation_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at BIGINT NOT NULL, last_active BIGINT NOT NULL, seq BIGINT NOT NULL, started INTEGER NOT NULL)`,
      `CREATE INDEX IF NOT EXISTS dl_conversations_last_active ON dl_conversations (last_active)`,
      `CREATE TABLE IF NOT EXISTS dl_activities (conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, activity_id TEXT NOT NULL, pending INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))`,
      `CREATE INDEX IF NOT EXISTS dl_activities_id ON dl_activities (conversation_id, activity_id)`,
      `CREATE INDEX IF NOT EXISTS dl_activities_pending ON dl_activities (pending) WHERE pending = 1`,
    ],
  },
];

export async function migrate(db: SqlDb): Promise<number> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`);
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') {
      // Two instances starting together must not both run a migration.
      await tx.run(`LOCK TABLE schema_version IN EXCLUSIVE MODE`);
    }
    const rows = await tx.all<{ v: number | string | null }>(`SELECT MAX(version) AS v FROM schema_version`);
    const current = Number(rows[0]?.v ?? 0);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements) await tx.run(statement);
      await tx.run(`INSERT INTO schema_version (version, applied_at) VALUES (?, ?)`, [migration.version, Date.now()]);
    }
    return MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  });
}
