// A Direct Line 3.0–compatible endpoint (the subset botframework-directlinejs uses), served
// by the bot's own restify server: the web page talks to the bot with no cloud service.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Activity, ActivityHandler, Storage, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../host/app-context.ts';
import { ActivityLog, type StoredActivity } from './activity-log.ts';
import { BOT_ACCOUNT, CHANNEL_ID, DirectLineAdapter } from './adapter.ts';
import { HttpError, originOf, queryOf, readJsonBody, sendError, sendJson } from './http-helpers.ts';
import { LOCALES, type DirectLineOptions } from './options.ts';
import { bearer, newSecret, newWebUserId, TokenIssuer, type TokenClaims } from './tokens.ts';

export const BASE_PATH = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;
const SECRET_KEY = 'directline-secret';

export interface DirectLineDeps {
  bot: ActivityHandler;
  storage: Storage;
  logger: Logger;
  onTurnError(context: TurnContext, error: unknown): Promise<void>;
}

interface TurnQueue {
  /** A turn holds the conversation until it finishes or first pauses (see enqueueTurn). */
  held: boolean;
  waiting: Array<() => void>;
  /** Turns queued or running. */
  pending: number;
  running: Set<Promise<void>>;
}

export class DirectLineEndpoint {
  readonly log: ActivityLog;
  private readonly adapter: DirectLineAdapter;
  private readonly turns = new Map<string, TurnQueue>();
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private httpServer: HttpServer | undefined;

  private issuer: TokenIssuer | undefined;
  private readonly issuerReady: Promise<TokenIssuer>;

  constructor(
    private readonly deps: DirectLineDeps,
    readonly options: DirectLineOptions,
  ) {
    this.issuerReady = (options.secret ? Promise.resolve(Buffer.from(options.secret, 'utf8')) : loadOrCreateSecret(deps.storage)).then(
      (secret) => {
        this.issuer = new TokenIssuer(secret, options.tokenTtlSeconds);
        return this.issuer;
      },
    );
    // A failure surfaces on first use (503); do not crash the process on an unhandled rejection.
    this.issuerReady.catch((error: unknown) => deps.logger.error('directline.secret_unavailable', { error: String(error) }));
    this.log = new ActivityLog(deps.storage, options.maxActivities);
    this.adapter = new DirectLineAdapter({
      deliver: (conversationId, activities) => this.deliverFromBot(conversationId, activities),
      update: async (conversationId, activity) => {
        if (await this.log.replace(conversationId, activity)) this.broadcast(conversationId, [activity], undefined);
      },
      remove: (conversationId, activityId) => this.log.remove(conversationId, activityId),
    });
    this.adapter.onTurnError = (context, error) => deps.onTurnError(context, error);
  }

  /** Resolves once the token secret is loaded (it may live in storage). */
  ready(): Promise<TokenIssuer> {
    return this.issuerReady;
  }

  get tokens(): TokenIssuer {
    if (!this.issuer) throw new HttpError(503, 'ServiceUnavailable', 'The chat service is starting; please retry.');
    return this.issuer;
  }

  /**
   * Issues a token for a new conversation, or for the trainee's own earlier one (page reload).
   * The trainee is who the signed `identity` from an earlier answer says, else a new web trainee:
   * a user id the page sends is ignored, so a page cannot take over another user's records.
   */
  async issueToken(input: {
    identity?: unknown;
    name?: unknown;
    locale?: unknown;
    conversationId?: unknown;
  }): Promise<{ conversationId: string; userId: string; identity: string; token: string; expires_in: number; resumed: boolean }> {
    const name = typeof input.name === 'string' ? stripControl(input.name).trim().slice(0, 40) : '';
    await this.ready();
    const known =
      typeof input.identity === 'string' && input.identity.length <= 200 ? this.tokens.checkIdentity(input.identity) : undefined;
    const userId = known ?? newWebUserId();
    const locale =
      typeof input.locale === 'string' && (LOCALES as readonly string[]).includes(input.locale) ? input.locale : this.options.defaultLocale;
    let conversationId = `dl-${randomUUID()}`;
    let resumed = false;
    if (known && typeof input.conversationId === 'string' && /^dl-[0-9a-f-]{36}$/.test(input.conversationId)) {
      const record = await this.log.get(input.conversationId);
      if (record && record.userId === userId) {
        conversationId = record.conversationId;
        resumed = true;
      }
    }
    const { token, expiresIn } = this.tokens.issue({ conv: conversationId, user: userId, name, locale });
    return { conversationId, userId, identity: this.tokens.issueIdentity(userId), token, expires_in: expiresIn, resumed };
  }

  register(server: Server): void {
    const wrap = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
      try {
        await this.ready().catch(() => {
          throw new HttpError(503, 'ServiceUnavailable', 'The chat service is not ready; please retry.');
        });
        await handler(req, res);
      } catch (error) {
        if (error instanceof HttpError) return sendError(res, error);
        this.deps.logger.error('directline.request_failed', { url: req.url, error: String(error) });
        sendError(res, new HttpError(500, 'ServiceError', 'The request could not be completed; please retry.'));
      }
    };
    server.post(
      `${BASE_PATH}/tokens/refresh`,
      wrap(async (req, res) => {
        const claims = this.authorize(req);
        const { token, expiresIn } = this.tokens.refresh(claims);
        sendJson(res, 200, { conversationId: claims.conv, token, expires_in: expiresIn });
      }),
    );
    server.post(
      `${BASE_PATH}/conversations`,
      wrap(async (req, res) => {
        const claims = this.authorize(req);
        await this.log.ensure(claims.conv, claims.user);
        const first = await this.log.markStarted(claims.conv);
        if (first) this.enqueueTurn(claims.conv, this.conversationUpdate(claims, originOf(req).http));
        sendJson(res, first ? 201 : 200, this.conversationInfo(req, claims, undefined));
      }),
    );
    server.get(
      `${BASE_PATH}/conversations/:conversationId`,
      wrap(async (req, res) => {
        const claims = await this.authorizeConversation(req);
        sendJson(res, 200, this.conversationInfo(req, claims, queryOf(req).get('watermark') ?? undefined));
      }),
    );
    server.get(
      `${BASE_PATH}/conversations/:conversationId/activities`,
      wrap(async (req, res) => {
        const claims = await this.authorizeConversation(req);
        const record = await this.log.get(claims.conv);
        if (!record) throw notFound();
        sendJson(res, 200, ActivityLog.page(record, queryOf(req).get('watermark') ?? undefined));
      }),
    );
    server.post(
      `${BASE_PATH}/conversations/:conversationId/activities`,
      wrap(async (req, res) => {
        const claims = await this.authorizeConversation(req);
        const body = await readJsonBody(req, this.options.maxBodyBytes);
        const activity = this.incoming(body, claims, originOf(req).http);
        const queue = this.turns.get(claims.conv);
        if (queue && queue.pending >= this.options.maxPendingTurns)
          throw new HttpError(429, 'TooManyRequests', 'Too many messages at once; please wait for the reply.');
        const [stored] = await this.log.append(claims.conv, [activity]);
        if (!stored) throw new HttpError(500, 'ServiceError', 'The message could not be saved; please retry.');
        this.broadcast(claims.conv, [stored.activity], stored.seq);
        // The bot's paced reply arrives through the stream or polling; answer the POST now.
        this.enqueueTurn(claims.conv, stored.activity);
        sendJson(res, 200, { id: stored.activity.id });
      }),
    );
    server.post(
      `${BASE_PATH}/conversations/:conversationId/upload`,
      wrap(async () => {
        throw new HttpError(400, 'NotSupported', 'Attachments are not supported in this training chat.');
      }),
    );
    this.httpServer = server.server;
    server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.onUpgrade(req, socket, head));
    this.heartbeat = setInterval(() => {
      for (const set of this.sockets.values()) for (const ws of set) ws.ping();
    }, 30_000);
    this.heartbeat.unref();
  }

  /** Waits for queued turns to finish (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.turns.size > 0) await Promise.all([...this.turns.values()].flatMap((q) => [...q.running]));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const set of this.sockets.values()) for (const ws of set) ws.close(1001, 'server shutting down');
    this.sockets.clear();
    await Promise.race([this.idle(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    await this.issuerReady.catch(() => undefined);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private authorize(req: IncomingMessage): TokenClaims {
    const result = this.tokens.check(bearer(req.headers.authorization));
    if (!result.ok) {
      // Direct Line answers an expired token with 403, which tells the client to stop refreshing.
      if (result.reason === 'expired') throw new HttpError(403, 'TokenExpired', 'The token has expired.');
      throw new HttpError(401, 'BadArgument', 'A valid conversation token is required.');
    }
    return result.claims;
  }

  private async authorizeConversation(req: Request): Promise<TokenClaims> {
    const claims = this.authorize(req);
    const id = (req.params as Record<string, string | undefined>).conversationId;
    if (id !== claims.conv) throw new HttpError(403, 'Forbidden', 'This token belongs to another conversation.');
    if (!(await this.log.get(id))) throw notFound();
    return claims;
  }

  private conversationInfo(req: IncomingMessage, claims: TokenClaims, watermark: string | undefined) {
    const { token, expiresIn } = this.tokens.refresh(claims);
    const query = new URLSearchParams({ t: token });
    if (watermark) query.set('watermark', watermark);
    return {
      conversationId: claims.conv,
      token,
      expires_in: expiresIn,
      streamUrl: `${originOf(req).ws}${BASE_PATH}/conversations/${encodeURIComponent(claims.conv)}/stream?${query.toString()}`,
    };
  }

  private incoming(body: unknown, claims: TokenClaims, serviceUrl: string): Partial<Activity> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'BadArgument', 'The body must be an activity object.');
    const posted = body as Partial<Activity>;
    if (typeof posted.type !== 'string' || posted.type === '') throw new HttpError(400, 'BadArgument', 'The activity needs a type.');
    if (posted.text !== undefined && typeof posted.text !== 'string')
      throw new HttpError(400, 'BadArgument', 'The activity text must be a string.');
    const { id: _id, ...rest } = posted;
    return {
      ...rest,
      channelId: CHANNEL_ID,
      serviceUrl,
      conversation: { id: claims.conv } as Activity['conversation'],
      // The identity comes from the token, never from what the client claims.
      from: { id: claims.user, name: claims.name || posted.from?.name || claims.user, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      locale: typeof posted.locale === 'string' && posted.locale ? posted.locale : claims.locale,
      timestamp: new Date(),
      localTimestamp: posted.localTimestamp ?? new Date(),
    };
  }

  private conversationUpdate(claims: TokenClaims, serviceUrl: string): Partial<Activity> {
    return {
      type: 'conversationUpdate',
      id: `${claims.conv}|start`,
      channelId: CHANNEL_ID,
      serviceUrl,
      conversation: { id: claims.conv } as Activity['conversation'],
      from: { id: claims.user, name: claims.name || claims.user, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      membersAdded: [{ ...BOT_ACCOUNT }, { id: claims.user, name: claims.name || claims.user, role: 'user' }],
      locale: claims.locale,
      timestamp: new Date(),
    };
  }

  /**
   * Turns of one conversation run one after another, in the background. A turn gives up its
   * place at its first pacing pause (a `delay` activity): a reply that arrives while the customer
   * is still "speaking" must reach the bot then, so the bot can treat it as an interruption and
   * stop the earlier turn's remaining parts, as it does for concurrent /api/messages requests.
   */
  private enqueueTurn(conversationId: string, activity: Partial<Activity>): void {
    let queue = this.turns.get(conversationId);
    if (!queue) {
      queue = { held: false, waiting: [], pending: 0, running: new Set() };
      this.turns.set(conversationId, queue);
    }
    const q = queue;
    q.pending += 1;
    const acquire = () =>
      new Promise<void>((resolve) => {
        if (!q.held) {
          q.held = true;
          resolve();
        } else q.waiting.push(resolve);
      });
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = q.waiting.shift();
      if (next) next();
      else q.held = false;
    };
    const run = acquire()
      .then(() => this.adapter.process(activity, (context) => this.deps.bot.run(context), release))
      .catch((error: unknown) => this.deps.logger.error('directline.turn_failed', { conversationId, error: String(error) }))
      .finally(() => {
        release();
        q.pending -= 1;
        q.running.delete(run);
        if (q.pending === 0 && this.turns.get(conversationId) === q) this.turns.delete(conversationId);
      });
    q.running.add(run);
  }

  private async deliverFromBot(conversationId: string, activities: Partial<Activity>[]): Promise<string[]> {
    const ids: string[] = [];
    const keep: Partial<Activity>[] = [];
    for (const activity of activities) {
      if (activity.type === 'typing') {
        // Typing is only meaningful live: show it on open streams, keep it out of the history.
        const live = { ...activity, id: `${conversationId}|typing-${randomBytes(4).toString('hex')}` };
        this.broadcast(conversationId, [live], undefined);
        ids.push(live.id);
      } else keep.push(activity);
    }
    if (keep.length > 0) {
      const stored = await this.log.append(conversationId, keep);
      const last = stored.at(-1);
      this.broadcast(
        conversationId,
        stored.map((s: StoredActivity) => s.activity),
        last?.seq,
      );
      ids.push(...stored.map((s) => s.activity.id ?? ''));
    }
    return ids;
  }

  private broadcast(conversationId: string, activities: Partial<Activity>[], seq: number | undefined): void {
    const set = this.sockets.get(conversationId);
    if (!set || set.size === 0) return;
    const message = JSON.stringify(seq === undefined ? { activities } : { activities, watermark: String(seq) });
    for (const ws of set) if (ws.readyState === ws.OPEN) ws.send(message);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Not ours. If no other module listens for upgrades, close it rather than leave it hanging.
      if ((this.httpServer?.listenerCount('upgrade') ?? 0) <= 1) socket.destroy();
      return;
    }
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (this.closed || !this.issuer) return refuse(503, 'Service Unavailable');
    const result = this.tokens.check(url.searchParams.get('t') ?? bearer(req.headers.authorization));
    if (!result.ok) return refuse(result.reason === 'expired' ? 403 : 401, result.reason === 'expired' ? 'Forbidden' : 'Unauthorized');
    const conversationId = decodeURIComponent(match[1] ?? '');
    if (conversationId !== result.claims.conv) return refuse(403, 'Forbidden');
    void this.log.get(conversationId).then(
      (record) => {
        if (!record) return refuse(404, 'Not Found');
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          this.addSocket(conversationId, ws);
          const backlog = ActivityLog.page(record, url.searchParams.get('watermark') ?? undefined);
          if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
        });
      },
      () => refuse(500, 'Internal Server Error'),
    );
  }

  private addSocket(conversationId: string, ws: WebSocket): void {
    const set = this.sockets.get(conversationId) ?? new Set<WebSocket>();
    while (set.size >= this.options.maxSocketsPerConversation) {
      const oldest = set.values().next().value;
      if (!oldest) break;
      set.delete(oldest);
      oldest.close(1000, 'replaced by a newer connection');
    }
    set.add(ws);
    this.sockets.set(conversationId, set);
    ws.on('close', () => {
      set.delete(ws);
      if (set.size === 0 && this.sockets.get(conversationId) === set) this.sockets.delete(conversationId);
    });
    ws.on('error', () => ws.terminate());
    // The client never sends on the stream; anything it does send is ignored.
  }
}

/** Control characters would break the header line and logs; a name never needs them. */
function stripControl(text: string): string {
  return Array.from(text)
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('');
}

function notFound(): HttpError {
  return new HttpError(404, 'NotFound', 'Unknown conversation.');
}

async function loadOrCreateSecret(storage: Storage): Promise<Buffer> {
  const items = await storage.read([SECRET_KEY]);
  const existing = (items[SECRET_KEY] as { value?: string } | undefined)?.value;
  if (existing) return Buffer.from(existing, 'base64');
  await storage.write({ [SECRET_KEY]: { value: newSecret().toString('base64'), eTag: '*' } });
  // Read back: if another instance wrote at the same moment, everyone uses the stored one.
  const again = (await storage.read([SECRET_KEY]))[SECRET_KEY] as { value?: string } | undefined;
  if (!again?.value) throw new Error('could not store the Direct Line token secret');
  return Buffer.from(again.value, 'base64');
}
