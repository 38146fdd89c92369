// The web chat: the page at `/`, its assets, the token route and the local Direct Line
// endpoint. One bot, two ways in: the same `app.bot` also answers /api/messages.
import type { Request, Response, Server } from 'restify';
import type { AppContext } from '../host/app-context.ts';
import { DirectLineEndpoint } from '../directline/endpoint.ts';
import { HttpError, originOf, readJsonBody, sendError, sendJson } from '../directline/http-helpers.ts';
import { clientKey } from '../host/rate-limit.ts';
import { optionsFromConfig } from '../directline/options.ts';
import { StaticAssets } from './assets.ts';
import { pageLocale, renderPage } from './page.ts';

export interface WebChatHandle {
  close(): Promise<void>;
  /** The Direct Line endpoint (tests wait on `idle()`). */
  endpoint?: DirectLineEndpoint;
}

export function registerWebChat(server: Server, app: AppContext): WebChatHandle {
  const options = optionsFromConfig(app.config);
  const assets = new StaticAssets();
  const endpoint = new DirectLineEndpoint(
    {
      bot: app.bot,
      storage: app.store.storage,
      ...(app.store.directLine ? { store: app.store.directLine } : {}),
      logger: app.logger,
      onTurnError: (c, e) => app.onTurnError(c, e),
    },
    options,
  );
  endpoint.register(server);

  server.get('/', async (req: Request, res: Response) => {
    const locale = pageLocale(req.headers['accept-language'], new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang'));
    const html = renderPage(locale, assets.version);
    // The Host header has passed the host guard; with PUBLIC_URL set, that address is used instead.
    const host = new URL(originOf(req, endpoint.options.publicUrl).http).host;
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // Web Chat styles itself inline; everything else, scripts and sockets included, is this server.
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' blob: data:; connect-src 'self' ws://${host} wss://${host}; frame-ancestors 'self'; base-uri 'none'; form-action 'self'`,
    });
    res.end(html);
  });
  server.get('/static/:name', async (req: Request, res: Response) => {
    const name = (req.params as Record<string, string | undefined>).name ?? '';
    await assets.send(name, req, res);
  });
  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    try {
      const body = await readJsonBody(req, endpoint.options.maxBodyBytes);
      const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
      sendJson(res, 200, await endpoint.issueToken(input, clientKey(req)));
    } catch (error) {
      if (error instanceof HttpError) return sendError(res, error);
      app.logger.error('webchat.token_failed', { error: String(error) });
      sendError(res, new HttpError(503, 'ServiceUnavailable', 'The chat service is not ready; please retry.'));
    }
  });

  return {
    close: () => endpoint.close(),
    endpoint,
  };
}
