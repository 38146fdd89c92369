// `npm test` runs the PostgreSQL tests wherever it can: with no DATABASE_URL given,
// a throw-away cluster (own temp directory, free loopback port) is started for the
// run and removed after it, as .ci/run does with .ci/postgres.sh. Where none can be
// started, one line says why those tests are skipped.
import { PG_CLUSTER_SKIP, PgCluster } from './pg-cluster.ts';

let cluster: PgCluster | undefined;

export async function setup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  if (PG_CLUSTER_SKIP) {
    console.log(`PostgreSQL tests ${PG_CLUSTER_SKIP} (or set DATABASE_URL=postgres://…)`);
    return;
  }
  try {
    cluster = await PgCluster.create();
  } catch (error) {
    console.log(`PostgreSQL tests skipped: a throw-away cluster did not start (${(error as Error).message.split('\n')[0]})`);
    return;
  }
  process.env.DATABASE_URL = cluster.url;
  console.log(`PostgreSQL tests run on a throw-away cluster at ${cluster.url}`);
}

export async function teardown(): Promise<void> {
  if (!cluster) return;
  await cluster.destroy();
  delete process.env.DATABASE_URL;
}
