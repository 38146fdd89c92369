// A Direct Line 3.0–compatible endpoint (the subset botframework-directlinejs uses), served
// by the bot's own restify server: the web page talks to the bot with no cloud service.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Activity, ActivityHandler, Storage, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../host/app-context.ts';
import { RateLimiter } from '../host/rate-limit.ts';
import { MemoryDirectLineStore, type DirectLineStore } from '../storage/directline-store.ts';
import { ActivityLog, parseWatermark, type StoredActivity } from './activity-log.ts';
import { BOT_ACCOUNT, CHANNEL_ID, DirectLineAdapter } from './adapter.ts';
import { displayName } from './display-name.ts';
import { HttpError, originOf, queryOf, readJsonBody, sendError, sendJson, tooManyRequests } from './http-helpers.ts';
import { restartedNotice } from './notices.ts';
import { LOCALES, type DirectLineOptions } from './options.ts';
import { bearer, newSecret, newWebUserId, TokenIssuer, type TokenClaims } from './tokens.ts';
import { KeyedQueue } from '../state/keyed-queue.ts';

export const BASE_PATH = '/v3/directline';
const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/?]+)\/stream$/;
const SECRET_KEY = 'directline-secret';

export interface DirectLineDeps {
  bot: ActivityHandler;
  storage: Storage;
  /** Where conversations and activities live (default: in memory). */
  store?: DirectLineStore;
  logger: Logger;
  onTurnError(context: TurnContext, error: unknown): Promise<void>;
}

export class DirectLineEndpoint {
  readonly log: ActivityLog;
  private readonly adapter: DirectLineAdapter;
  /** Turns per conversation; a turn holds its place until it finishes or first pauses (see enqueueTurn). */
  private readonly turns = new KeyedQueue();
  private readonly sockets = new Map<string, Set<WebSocket>>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private httpServer: HttpServer | undefined;

  private issuer: TokenIssuer | undefined;
  private readonly issuerReady: Promise<TokenIssuer>;
  private readonly store: DirectLineStore;
  private readonly posts: RateLimiter;
  private readonly newConversations: RateLimiter;
  private sweeper: ReturnType<typeof setInterval> | undefined;
  /** Ids of messages re-run after a restart, and whether the bot has answered them yet. */
  private readonly recovering = new Map<string, boolean>();
  /** Settles once the turns left from before a restart have been queued. */
  private recovered: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: DirectLineDeps,
    readonly options: DirectLineOptions,
  ) {
    this.issuerReady = (options.secret ? Promise.resolve(Buffer.from(options.secret, 'utf8')) : loadOrCreateSecret(deps.storage)).then(
      (secret) => {
        this.issuer = new TokenIssuer(secret, options.tokenTtlSeconds, Date.now, options.identityTtlSeconds);
        return this.issuer;
      },
    );
    // A failure surfaces on first use (503); do not crash the process on an unhandled rejection.
    this.issuerReady.catch((error: unknown) => deps.logger.error('directline.secret_unavailable', { error: String(error) }));
    this.store = deps.store ?? new MemoryDirectLineStore();
    this.log = new ActivityLog(this.store, options.maxActivities);
    const perSecond = (perMinute: number) => perMinute / 60;
    this.posts = new RateLimiter({ burst: options.posts.burst, perSecond: perSecond(options.posts.perMinute) });
    this.newConversations = new RateLimiter({
      burst: options.newConversations.burst,
      perSecond: perSecond(options.newConversations.perMinute),
    });
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
  async issueToken(
    input: {
      identity?: unknown;
      name?: unknown;
      locale?: unknown;
      conversationId?: unknown;
    },
    client = 'unknown',
  ): Promise<{ conversationId: string; userId: string; identity: string; token: string; expires_in: number; resumed: boolean }> {
    const name = displayName(input.name);
    await this.ready();
    const known =
      typeof input.identity === 'string' && input.identity.length <= 400 ? this.tokens.checkIdentity(input.identity) : undefined;
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
    if (!resumed) {
      const allowed = this.newConversations.take(client);
      if (!allowed.ok) throw tooManyRequests(allowed.retryAfterMs, 'Too many new conversations from this address; please wait a moment.');
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
        // Nearly always the storage: nothing of the request was kept, and the client may retry.
        sendError(res, new HttpError(503, 'ServiceUnavailable', 'The request could not be completed; please retry.'));
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
        if (first) this.enqueueTurn(claims.conv, this.conversationUpdate(claims, originOf(req, this.options.publicUrl).http));
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
        sendJson(res, 200, await this.log.page(claims.conv, queryOf(req).get('watermark') ?? undefined));
      }),
    );
    server.post(
      `${BASE_PATH}/conversations/:conversationId/activities`,
      wrap(async (req, res) => {
        // The rate is checked on the token alone, before the database or the body: a flood
        // costs this server as little as possible.
        const token = this.authorize(req);
        const allowed = this.posts.take(token.user);
        if (!allowed.ok) {
          req.resume();
          throw tooManyRequests(allowed.retryAfterMs, 'You are sending messages too fast; please wait a moment.');
        }
        const claims = await this.authorizeConversation(req);
        const body = await readJsonBody(req, this.options.maxBodyBytes);
        const activity = this.incoming(body, claims, originOf(req, this.options.publicUrl).http);
        if (this.turns.pending(claims.conv) >= this.options.maxPendingTurns)
          throw tooManyRequests(1000, 'Too many messages at once; please wait for the reply.');
        // Acknowledged only once stored, and stored as pending until its turn is answered.
        let stored: StoredActivity | undefined;
        try {
          [stored] = await this.log.append(claims.conv, [activity], true);
        } catch (error) {
          this.deps.logger.error('directline.store_failed', { error: String(error) });
        }
        if (!stored) throw new HttpError(503, 'ServiceUnavailable', 'The message could not be saved; please send it again.');
        this.broadcast(claims.conv, [stored.activity], stored.seq);
        // The bot's paced reply arrives through the stream or polling; answer the POST now.
        this.enqueueTurn(claims.conv, stored.activity, stored.seq);
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
    const sweep = () =>
      void this.store
        .expire(Date.now() - this.options.conversationTtlMs)
        .then((n) => n > 0 && this.deps.logger.info('directline.conversations_expired', { count: n }))
        .catch((error: unknown) => this.deps.logger.warn('directline.sweep_failed', { error: String(error) }));
    this.sweeper = setInterval(sweep, Math.min(10 * 60_000, this.options.conversationTtlMs));
    this.sweeper.unref();
    this.recovered = this.ready()
      .then(() => this.recover())
      .then(sweep)
      .catch((error: unknown) => this.deps.logger.error('directline.recovery_failed', { error: String(error) }));
  }

  /**
   * Messages stored (and acknowledged) whose turn had not been answered when the process
   * stopped: their turns run now, in order. A turn the bot had already handled answers
   * nothing the second time, so such a trainee is told the reply may be missing.
   */
  private async recover(): Promise<void> {
    const pending = await this.store.pending();
    for (const turn of pending) {
      const activity = turn.activity as Partial<Activity>;
      if (activity.id) this.recovering.set(activity.id, false);
      this.enqueueTurn(turn.conversationId, activity, turn.seq, true);
    }
    if (pending.length > 0) this.deps.logger.warn('directline.turns_recovered', { count: pending.length });
  }

  /** Waits for queued turns to finish (tests, shutdown). */
  async idle(): Promise<void> {
    await this.turns.idle();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.sweeper) clearInterval(this.sweeper);
    for (const set of this.sockets.values()) for (const ws of set) ws.close(1001, 'server shutting down');
    this.sockets.clear();
    // Turns recovered at start are queued first, so the wait below covers them too.
    await Promise.race([this.recovered.then(() => this.idle()), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
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
    if (watermark) query.set('watermark', String(parseWatermark(watermark)));
    return {
      conversationId: claims.conv,
      token,
      expires_in: expiresIn,
      streamUrl: `${originOf(req, this.options.publicUrl).ws}${BASE_PATH}/conversations/${encodeURIComponent(claims.conv)}/stream?${query.toString()}`,
    };
  }

  private incoming(body: unknown, claims: TokenClaims, serviceUrl: string): Partial<Activity> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new HttpError(400, 'BadArgument', 'The body must be an activity object.');
    const posted = body as Record<string, unknown>;
    if (typeof posted.type !== 'string' || posted.type === '' || posted.type.length > 64)
      throw new HttpError(400, 'BadArgument', 'The activity needs a type.');
    if (posted.text !== undefined && typeof posted.text !== 'string')
      throw new HttpError(400, 'BadArgument', 'The activity text must be a string.');
    // Only what a chat client sends is kept; who, where and when come from the server.
    const kept: Record<string, unknown> = {};
    for (const field of CLIENT_FIELDS) if (posted[field] !== undefined) kept[field] = posted[field];
    const locale = typeof posted.locale === 'string' && LOCALE_TAG.test(posted.locale) ? posted.locale : claims.locale;
    return {
      ...(kept as Partial<Activity>),
      channelId: CHANNEL_ID,
      serviceUrl,
      conversation: { id: claims.conv } as Activity['conversation'],
      // The identity, display name included, comes from the token, never from what the client claims.
      from: { id: claims.user, name: claims.name || claims.user, role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      locale,
      timestamp: new Date(),
      localTimestamp: typeof posted.localTimestamp === 'string' ? (posted.localTimestamp as unknown as Date) : new Date(),
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
  private enqueueTurn(conversationId: string, activity: Partial<Activity>, seq?: number, recovered = false): void {
    void this.turns.run(conversationId, async (release) => {
      try {
        await this.adapter.process(activity, (context) => this.deps.bot.run(context), release);
      } catch (error) {
        this.deps.logger.error('directline.turn_failed', { conversationId, error: String(error) });
      }
      try {
        if (recovered) await this.answerIfSilent(conversationId, activity);
        if (seq !== undefined) await this.log.settle(conversationId, seq);
      } catch (error) {
        this.deps.logger.error('directline.settle_failed', { conversationId, error: String(error) });
      }
    });
  }

  /** After a recovered turn: if the bot said nothing to that message, the trainee hears why. */
  private async answerIfSilent(conversationId: string, activity: Partial<Activity>): Promise<void> {
    const id = activity.id ?? '';
    const answered = this.recovering.get(id) === true;
    this.recovering.delete(id);
    if (answered || activity.type !== 'message') return;
    await this.deliverFromBot(conversationId, [
      {
        type: 'message',
        text: restartedNotice(activity.locale),
        from: { ...BOT_ACCOUNT },
        recipient: activity.from,
        replyToId: id,
        conversation: { id: conversationId } as Activity['conversation'],
        channelId: CHANNEL_ID,
        timestamp: new Date(),
      },
    ]);
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
      } else {
        keep.push(activity);
        if (activity.replyToId && this.recovering.has(activity.replyToId)) this.recovering.set(activity.replyToId, true);
      }
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
    const refuse = (status: number, text: string) => {
      if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      else socket.destroy();
    };
    let url: URL;
    let conversationId: string;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) {
        // Not ours. If no other module listens for upgrades, close it rather than leave it hanging.
        if ((this.httpServer?.listenerCount('upgrade') ?? 0) <= 1) refuse(404, 'Not Found');
        return;
      }
      conversationId = decodeURIComponent(match[1] ?? '');
    } catch {
      return refuse(400, 'Bad Request');
    }
    if (this.closed || !this.issuer) return refuse(503, 'Service Unavailable');
    const result = this.tokens.check(url.searchParams.get('t') ?? bearer(req.headers.authorization));
    if (!result.ok) return refuse(result.reason === 'expired' ? 403 : 401, result.reason === 'expired' ? 'Forbidden' : 'Unauthorized');
    if (conversationId !== result.claims.conv) return refuse(403, 'Forbidden');
    const watermark = url.searchParams.get('watermark') ?? undefined;
    void this.log
      .get(conversationId)
      .then(async (record) => {
        if (!record) return refuse(404, 'Not Found');
        const backlog = await this.log.page(conversationId, watermark);
        this.wss.handleUpgrade(req, socket, head, (ws) => {
          this.addSocket(conversationId, ws);
          if (backlog.activities.length > 0) ws.send(JSON.stringify(backlog));
        });
      })
      .catch(() => refuse(503, 'Service Unavailable'));
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

/** The fields of a posted activity that are the client's to set. */
const CLIENT_FIELDS = [
  'type',
  'text',
  'textFormat',
  'value',
  'name',
  'attachments',
  'channelData',
  'entities',
  'replyToId',
  'localTimezone',
] as const;

/** A BCP 47 language tag of the everyday shape (zh-CN, en-US, zh-Hant-TW). */
const LOCALE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/;

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
