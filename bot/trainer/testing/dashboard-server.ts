// The dashboard's routes alone on a restify server at a free loopback port, for tests of
// the routes themselves: records in memory, a silent logger, the trainer token given.
import type { AddressInfo } from 'node:net';
import restify from '../../host/restify.ts';
import type { AppContext } from '../../host/app-context.ts';
import type { MemoryRecords } from '../../records/memory-records.ts';
import { registerTrainerRoutes } from '../index.ts';

/** Starts the dashboard over `records`; the server joins `servers`, which the test closes. Returns its base URL. */
export async function startDashboard(servers: restify.Server[], records: MemoryRecords, trainerToken?: string): Promise<string> {
  const server = restify.createServer();
  const noop = () => undefined;
  const app = {
    store: { records },
    logger: { info: noop, warn: noop, error: noop, debug: noop },
    config: { trainerToken },
  } as unknown as AppContext;
  registerTrainerRoutes(server, app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
