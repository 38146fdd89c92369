// A throw-away PostgreSQL cluster that one test owns: its own data directory in a
// temp dir, its own free loopback port, started and stopped at will. PostgreSQL
// refuses to run as root, so initdb and pg_ctl run as the `postgres` user.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process.ts';

const run = promisify(execFile);

function findBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')) && existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

function postgresUid(): number | undefined {
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return undefined;
  }
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  return line ? Number(line.split(':')[2]) : undefined;
}

const PG_BIN = findBinDir();
const PG_UID = postgresUid();

/** Why a test needing its own cluster cannot run here, or undefined when it can. */
export const PG_CLUSTER_SKIP: string | undefined = !PG_BIN
  ? 'skipped: no PostgreSQL binaries under /usr/lib/postgresql/*/bin'
  : userInfo().uid !== 0
    ? 'skipped: needs root to run initdb/pg_ctl as the postgres user'
    : PG_UID === undefined
      ? 'skipped: no postgres user'
      : undefined;

export class PgCluster {
  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  /** postgres://… for the cluster's `postgres` database (trust auth on loopback). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  static async create(): Promise<PgCluster> {
    if (PG_CLUSTER_SKIP) throw new Error(PG_CLUSTER_SKIP);
    const dir = mkdtempSync(join(tmpdir(), 'roleplay-pgfault-'));
    chownSync(dir, PG_UID!, 0);
    const cluster = new PgCluster(dir, await freePort());
    // fsync off: the test kills and restarts this cluster, it never needs to survive a power cut.
    await cluster.asPostgres(`${PG_BIN}/initdb -D ${cluster.dataDir} -U postgres -A trust --no-sync`);
    await cluster.start();
    return cluster;
  }

  private async asPostgres(command: string): Promise<string> {
    const { stdout } = await run('su', ['postgres', '-s', '/bin/sh', '-c', command], { timeout: 120_000 });
    return stdout;
  }

  async start(): Promise<void> {
    await this.asPostgres(
      `${PG_BIN}/pg_ctl -D ${this.dataDir} -o '-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c fsync=off' -l ${this.dir}/log -w -t 60 start`,
    );
  }

  /** `fast` ends every session and shuts down cleanly; `immediate` is a crash (recovery at the next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.asPostgres(`${PG_BIN}/pg_ctl -D ${this.dataDir} -m ${mode} -w -t 60 stop`);
  }

  async destroy(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
