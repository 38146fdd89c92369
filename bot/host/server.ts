// The restify server: /api/messages through CloudAdapter, health routes, the web chat,
// graceful shutdown. Everything Bot Framework–specific about hosting lives here.
import type { AddressInfo } from 'node:net';
import restify from './restify.ts';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { AppContext, Logger } from './app-context.ts';
import { isLoopback, type AppConfig } from './config.ts';
import { loadEngine, type EnginePort } from '../conversation/engine-port.ts';
import { jsonLogger } from './logger.ts';
import { messages } from '../conversation/messages.ts';
import { openStorage, type StorageHandle } from '../storage/index.ts';
import { TrainingBot } from '../conversation/training-bot.ts';
import { hostAuthentication } from './auth.ts';
import { registerWebChat, type WebChatHandle } from '../web/index.ts';
import { registerTrainerRoutes } from '../trainer/index.ts';
import { HttpError, readJsonBody } from '../directline/http-helpers.ts';
import { activityProblem, MAX_ACTIVITY_BYTES } from './activity-check.ts';
import { TurnAdapter } from './turn-adapter.ts';
import { guardHttpServer, keepServingOnUncaught } from './request-guard.ts';
import { withLearningRecords, XapiSender } from '../records/xapi-sender.ts';
import { watchTrainingFiles } from './reload.ts';

export interface RunningBotServer {
  url: string;
  port: number;
  app: AppContext;
  engine: EnginePort | null;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Storage override (tests use the in-memory kind). */
  store?: StorageHandle;
  engine?: EnginePort | null;
  /** Reload scenario, concept and lexicon files when they change (`roleplay serve`). */
  watch?: boolean;
}

export class UnsafeListenError extends Error {}

/**
 * Lexicons, the segmenter's dictionary and the stemmer load before the server
 * reports ready, so the first trainee's reply does not wait for them.
 */
async function warmEvaluators(logger: Logger): Promise<void> {
  try {
    const { warmUp } = await import('../../evaluators/index.ts');
    // A broken lexicon entry is left out and the rest keeps scoring; the trainer needs to hear of it.
    for (const problem of warmUp()) logger.warn('lexicons.entry_left_out', { problem });
  } catch (error) {
    // The first reply will load them (and report the problem) instead.
    logger.warn('evaluators.warm_up_failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

export async function startServer(config: AppConfig, options: StartOptions = {}): Promise<RunningBotServer> {
  const logger = options.logger ?? jsonLogger(config.logLevel);
  if (!config.MicrosoftAppId && !isLoopback(config.host) && !config.allowPublic) {
    throw new UnsafeListenError(
      `refusing to listen on ${config.host} without MicrosoftAppId: anyone could call the bot. Set ALLOW_PUBLIC=true to do it anyway.`,
    );
  }
  let engine: EnginePort | null;
  if (options.engine !== undefined) engine = options.engine;
  else {
    const loaded = await loadEngine({ thread: config.engineThread });
    engine = loaded.engine;
    if (!engine) logger.warn('scenarios.unavailable', { reason: loaded.error });
    else await warmEvaluators(logger);
  }
  const store = options.store ?? (await openStorage({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }));

  const auth = hostAuthentication(config);
  const adapter = new TurnAdapter(auth);
  // Learning records: each finished session's statement waits in the store's outbox until the LRS has it.
  const xapi = config.xapi.endpoint && store.outbox ? new XapiSender(store.outbox, config.xapi, logger) : undefined;
  const records =
    xapi && store.outbox
      ? withLearningRecords(store.records, store.outbox, {
          base: config.xapi.base,
          scenarioTitle: (id) => engine?.scenarios.get(id)?.title,
          onQueued: () => xapi.kick(),
          logger,
        })
      : store.records;
  const bot = new TrainingBot({
    engine,
    storage: store.storage,
    // The embedded store belongs to this server; PostgreSQL may be shared by several instances.
    stateCacheSize: store.kind === 'sqlite' ? 1000 : 0,
    records,
    logger,
    defaultLocale: config.defaultLocale,
    defaultMode: config.defaultMode,
    pacing: config.pacing,
    maxReplyChars: config.maxReplyChars,
  });

  const onTurnError = async (context: TurnContext, error: unknown): Promise<void> => {
    logger.error('turn.error', {
      error: error instanceof Error ? error.message : String(error),
      conversation: context.activity.conversation?.id,
      channel: context.activity.channelId,
    });
    try {
      await context.sendActivity(messages(context.activity.locale ?? config.defaultLocale).error);
    } catch {
      // The channel may be gone; the error is already logged.
    }
  };
  adapter.onTurnError = onTurnError;

  const app: AppContext = { bot, store, logger, onTurnError, config };
  const server = restify.createServer({ name: 'roleplay', handleUncaughtExceptions: false });
  let inFlight = 0;
  let closing = false;

  guardHttpServer(server.server, {
    logger,
    publicUrl: config.publicUrl,
    listenHost: config.host,
    anyHostPaths: ['/healthz', '/readyz'],
  });
  const stopLastResort = keepServingOnUncaught(logger);

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    try {
      // With an app id every caller must present a token: without one, the body is not even read.
      if (config.MicrosoftAppId && !/^Bearer\s+\S/i.test(req.headers.authorization ?? ''))
        throw new HttpError(401, 'Unauthorized', 'Unauthorized');
      req.body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
      const problem = activityProblem(req.body, { appIdSet: !!config.MicrosoftAppId, hosts: config.serviceUrlHosts });
      if (problem) throw problem;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      res.send(error.status, { error: error.message });
      return;
    }
    inFlight++;
    try {
      const answer = await adapter.turn(req.headers.authorization ?? '', req.body as Activity, (context) => bot.run(context));
      if (answer?.body !== undefined) res.send(answer.status ?? 200, answer.body);
      else res.send(answer?.status ?? 200);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        res.send(401, { error: error.message });
        return;
      }
      logger.error('messages.failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight--;
    }
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
  });
  server.get('/readyz', async (_req, res) => {
    const storageOk = await store.ready().catch(() => false);
    const ok = storageOk && engine !== null && engine.scenarios.size > 0;
    res.send(ok ? 200 : 503, { ready: ok, storage: storageOk ? store.kind : 'unreachable', scenarios: engine?.scenarios.size ?? 0 });
  });
  const webChat: WebChatHandle = registerWebChat(server, app);
  registerTrainerRoutes(server, app, () => engine?.scenarios);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  if (!config.MicrosoftAppId) {
    if (isLoopback(config.host))
      logger.info('server.local_only', { note: 'no MicrosoftAppId: listening on loopback only, any local caller is accepted' });
    else
      logger.warn('server.public_without_auth', {
        note: 'no MicrosoftAppId and ALLOW_PUBLIC=true: anyone who can reach this address can use the bot',
      });
  }
  if (!isLoopback(config.host) && !config.publicUrl)
    logger.warn('server.no_public_url', {
      note: 'PUBLIC_URL is not set: only requests addressed to a loopback name or to the listening IP address are answered, others get 421',
    });
  const watching = options.watch && engine ? watchTrainingFiles(engine, logger) : undefined;
  logger.info('server.listening', { url, storage: store.kind, scenarios: engine?.scenarios.size ?? 0 });
  if (xapi) {
    xapi.start();
    logger.info('xapi.sending', { endpoint: config.xapi.endpoint, waiting: await store.outbox?.pending() });
  }

  return {
    url,
    port: address.port,
    app,
    engine,
    async close() {
      closing = true;
      watching?.close();
      // Web chat first: its open WebSockets would otherwise keep server.close() waiting forever.
      await webChat.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (let i = 0; i < 100 && inFlight > 0; i++) await new Promise((r) => setTimeout(r, 50));
      await xapi?.stop();
      // An engine passed in belongs to the caller.
      if (options.engine === undefined) await engine?.close?.();
      if (!options.store) await store.close();
      stopLastResort();
      logger.info('server.stopped', {});
    },
  };
}
