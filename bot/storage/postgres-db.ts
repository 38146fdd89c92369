// PostgreSQL through a pg Pool. A `schema` keeps tests (or several products on one
// server) apart; it is created on first use and put on every connection's search_path.
import pg from 'pg';
import { toPostgres, type SqlDb } from './sql.ts';

type Queryable = pg.Pool | pg.PoolClient;

export class PostgresDb implements SqlDb {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;

  constructor(
    connectionString: string,
    readonly schema?: string,
  ) {
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    this.pool = new pg.Pool({
      connectionString,
      max: 5,
      connectionTimeoutMillis: 5000,
      // A database that hangs instead of failing must not hang the turn: the trainee gets "please resend".
      query_timeout: 15_000,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', () => undefined);
  }

  async init(): Promise<void> {
    if (this.schema) await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
  }

  /**
   * The product's statements by text, each with a name, so every connection has PostgreSQL
   * parse and plan it once instead of on every turn (the server shares the bot's cores in
   * small deployments). Texts built from input, like IN lists of any length, get no name
   * past the first few hundred, so neither side keeps an unbounded set.
   */
  private readonly statements = new Map<string, pg.QueryConfig>();

  private statement(sql: string, params: unknown[]): pg.QueryConfig {
    let known = this.statements.get(sql);
    if (!known) {
      known = { text: toPostgres(sql), ...(this.statements.size < 256 ? { name: `roleplay_${this.statements.size}` } : {}) };
      if (this.statements.size < 1024) this.statements.set(sql, known);
    }
    return { ...known, values: params.map(toPg) };
  }

  private on(client: Queryable): SqlDb {
    const self: SqlDb = {
      dialect: 'postgres',
      all: async <T>(sql: string, params: unknown[] = []) => (await client.query(this.statement(sql, params))).rows as T[],
      run: async (sql: string, params: unknown[] = []) => (await client.query(this.statement(sql, params))).rowCount ?? 0,
      transaction: async (fn) => fn(self),
    };
    return self;
  }

  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.on(this.pool).all<T>(sql, params);
  }

  run(sql: string, params?: unknown[]): Promise<number> {
    return this.on(this.pool).run(sql, params);
  }

  async transaction<T>(fn: (db: SqlDb) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn(this.on(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async ready(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function toPg(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  // PostgreSQL text cannot hold U+0000 ("invalid byte sequence"): a trainee's reply with one
  // would fail every time it was resent. SQLite keeps it; here it becomes U+FFFD, as lone surrogates do.
  if (typeof value === 'string' && value.includes('\u0000')) return value.replaceAll('\u0000', '\uFFFD');
  return value === undefined ? null : value;
}
