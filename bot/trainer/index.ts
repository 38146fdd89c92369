// GET /trainer: the trainer's dashboard. Off (404) without TRAINER_TOKEN; 401 without
// the token (Authorization: Bearer …, or the login form's HttpOnly cookie).
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AppContext } from '../host/app-context.ts';
import { localized, type ScenarioInfo } from '../conversation/engine-port.ts';
import type { SessionFilter } from '../records/types.ts';
import { disputeFixture, disputeFlagLine, loadReport, sessionsCsv, turnsCsv } from './export.ts';
import { escapeHtml } from './html.ts';
import { dashLocale, LANG_COOKIE, t, type DashLocale } from './i18n.ts';
import { shell, type View } from './layout.ts';
import { trainerTimeZone } from './dates.ts';
import { messagePage, overviewPage, scenarioPage, sessionPage, traineePage } from './pages.ts';
import { HttpError, readFormBody } from '../directline/http-helpers.ts';
import { LoginGuard, MAX_FORM_BYTES, MAX_LOGIN_BYTES } from './login-guard.ts';

const COOKIE = 'trainer_token';

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function presentedToken(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = req.headers.cookie ?? '';
  const match = cookie.split(/;\s*/).find((c) => c.startsWith(`${COOKIE}=`));
  if (!match) return undefined;
  try {
    return decodeURIComponent(match.slice(COOKIE.length + 1));
  } catch {
    // A cookie that does not decode is no token: 401 like any other wrong one.
    return undefined;
  }
}

function send(res: Response, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    ...extra,
  });
  res.end(body);
}

function loginPage(locale: DashLocale, failed: boolean, url?: URL): string {
  const tr = (key: Parameters<typeof t>[1]) => escapeHtml(t(locale, key));
  return shell(
    { locale, url },
    t(locale, 'loginTitle'),
    `<section class="card accent" style="max-width:420px;margin:24px auto"><h2>${tr('loginTitle')}</h2>${failed ? `<p class="notice" role="alert">${tr('wrongToken')}</p>` : ''}<form class="filter" method="post" action="/trainer/login"><label>${tr('token')} <input type="password" name="token" autofocus></label> <button class="primary" type="submit">${tr('signIn')}</button></form></section>`,
  );
}

class BadFilter extends Error {}

/** The dashboard's filters; a date that is not a date is refused rather than silently ignored. */
function filterFrom(url: URL, locale: DashLocale = 'en'): SessionFilter {
  const since = url.searchParams.get('since');
  const parsed = since ? Date.parse(since) : NaN;
  if (since && Number.isNaN(parsed)) throw new BadFilter(t(locale, 'badDate', { value: since }));
  return {
    trainee: url.searchParams.get('trainee') || undefined,
    scenarioId: url.searchParams.get('scenario') || undefined,
    since: Number.isNaN(parsed) ? undefined : parsed,
    limit: 500,
  };
}

function cookieValue(req: Request, name: string): string | undefined {
  const match = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(`${name}=`));
  if (!match) return undefined;
  try {
    return decodeURIComponent(match.slice(name.length + 1));
  } catch {
    // A cookie that does not decode is no value: for the token, a 401 like any other wrong one.
    return undefined;
  }
}

export function registerTrainerRoutes(
  server: Server,
  app: AppContext,
  /** The scenarios being served (they may be reloaded), for their titles. */
  scenarios: () => Map<string, ScenarioInfo> | undefined = () => undefined,
): void {
  const token = typeof app.config.trainerToken === 'string' ? app.config.trainerToken : '';
  const records = app.store.records;
  const logins = new LoginGuard();
  const tooMany = (res: Response, seconds: number) =>
    send(res, 429, 'text/plain; charset=utf-8', 'Too many wrong tokens; please wait before trying again.', {
      'Retry-After': String(seconds),
    });
  const timeZone = trainerTimeZone(typeof app.config.trainerTimeZone === 'string' ? app.config.trainerTimeZone : undefined);

  const localeOf = (req: Request, url: URL) =>
    dashLocale(url.searchParams.get('lang'), cookieValue(req, LANG_COOKIE), String(req.headers['accept-language'] ?? ''));

  const viewFor = (req: Request, url: URL): View => {
    const locale = localeOf(req, url);
    return {
      locale,
      clock: { locale, timeZone },
      url,
      scenarioTitle: (id) => localized(scenarios()?.get(id)?.title, locale) || id,
    };
  };

  /** The switch's choice is remembered for the next pages. */
  const langCookie = (url: URL): Record<string, string> => {
    const lang = url.searchParams.get('lang');
    return lang === 'zh-CN' || lang === 'en'
      ? { 'Set-Cookie': `${LANG_COOKIE}=${lang}; SameSite=Strict; Path=/trainer; Max-Age=31536000` }
      : {};
  };

  const html = (res: Response, url: URL, status: number, body: string) =>
    send(res, status, 'text/html; charset=utf-8', body, langCookie(url));

  const guard = (handler: (req: Request, res: Response, url: URL) => Promise<void>) => async (req: Request, res: Response) => {
    if (!token) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const url = new URL(req.url ?? '/trainer', 'http://localhost');
    const given = presentedToken(req);
    const wait = given ? logins.waitSeconds(req) : 0;
    if (wait > 0) return tooMany(res, wait);
    if (!sameToken(given, token)) {
      if (given) logins.failed(req);
      const wantsHtml = String(req.headers.accept ?? '').includes('text/html');
      return send(
        res,
        401,
        wantsHtml ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8',
        wantsHtml ? loginPage(localeOf(req, url), false, url) : 'Unauthorized: trainer token required',
        { 'WWW-Authenticate': 'Bearer realm="trainer"', ...langCookie(url) },
      );
    }
    try {
      await handler(req, res, url);
    } catch (error) {
      if (error instanceof BadFilter) return send(res, 400, 'text/plain; charset=utf-8', error.message);
      if (error instanceof HttpError) return send(res, error.status, 'text/plain; charset=utf-8', error.message);
      app.logger.error('trainer.failed', { error: String(error) });
      send(res, 503, 'text/plain; charset=utf-8', t(localeOf(req, url), 'unavailable'));
    }
  };

  server.post('/trainer/login', async (req: Request, res: Response) => {
    if (!token) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const wait = logins.waitSeconds(req);
    if (wait > 0) {
      req.resume();
      return tooMany(res, wait);
    }
    let form: URLSearchParams;
    try {
      form = await readFormBody(req, MAX_LOGIN_BYTES);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 400;
      return send(res, status, 'text/plain; charset=utf-8', status === 413 ? 'Login form too large' : 'Bad login form');
    }
    const given = form.get('token') ?? undefined;
    const url = new URL(req.url ?? '/trainer/login', 'http://localhost');
    if (!sameToken(given, token)) {
      logins.failed(req);
      return send(res, 401, 'text/html; charset=utf-8', loginPage(localeOf(req, url), true, url));
    }
    logins.succeeded(req);
    res.writeHead(303, {
      Location: '/trainer',
      'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/trainer`,
    });
    res.end();
  });

  /** One session by id: the store's own lookup when it has one, else a scan of the list. */
  const oneSession = async (id: string) =>
    records.session ? await records.session(id) : ((await records.listSessions?.({ limit: 100000 })) ?? []).find((s) => s.sessionId === id);
  const param = (req: Request, name: string) => String((req.params as Record<string, string | undefined>)[name] ?? '');

  server.get(
    '/trainer',
    guard(async (req, res, url) => {
      const view = viewFor(req, url);
      const filter = filterFrom(url, view.locale);
      const sessions = (await records.listSessions?.(filter)) ?? [];
      const disputes = (await records.listDisputes?.()) ?? [];
      const known = [...(scenarios()?.keys() ?? [])];
      const scenarioIds = [...new Set([...known, ...sessions.map((s) => s.scenarioId)])].sort();
      const notice = url.searchParams.get('done');
      html(
        res,
        url,
        200,
        overviewPage(view, {
          sessions,
          disputes,
          filter,
          sinceText: url.searchParams.get('since') ?? '',
          scenarioIds,
          now: Date.now(),
          ...(notice === 'accepted' || notice === 'rejected' ? { notice: t(view.locale, notice) } : {}),
        }),
      );
    }),
  );

  server.get(
    '/trainer/trainees/:id',
    guard(async (req, res, url) => {
      const view = viewFor(req, url);
      const sessions = (await records.listSessions?.({ traineeId: param(req, 'id'), limit: 100000 })) ?? [];
      if (!sessions.length) return html(res, url, 404, messagePage(view, t(view.locale, 'notFound')));
      html(res, url, 200, traineePage(view, sessions, Date.now()));
    }),
  );

  server.get(
    '/trainer/scenarios/:id',
    guard(async (req, res, url) => {
      const view = viewFor(req, url);
      const id = param(req, 'id');
      const sessions = (await records.listSessions?.({ scenarioId: id, limit: 100000 })) ?? [];
      if (!sessions.length && !scenarios()?.has(id)) return html(res, url, 404, messagePage(view, t(view.locale, 'notFound')));
      html(res, url, 200, scenarioPage(view, id, sessions));
    }),
  );

  server.get(
    '/trainer/sessions/:id',
    guard(async (req, res, url) => {
      const view = viewFor(req, url);
      const id = param(req, 'id');
      const session = await oneSession(id);
      if (!session) return html(res, url, 404, messagePage(view, t(view.locale, 'notFound')));
      const turns = (await records.sessionTurns?.(id)) ?? [];
      const disputes = ((await records.listDisputes?.({ all: true })) ?? []).filter((d) => d.sessionId === id);
      html(res, url, 200, sessionPage(view, session, turns, disputes));
    }),
  );

  server.post(
    '/trainer/disputes/:session/:turn/decision',
    guard(async (req, res, url) => {
      const view = viewFor(req, url);
      const form = await readFormBody(req, MAX_FORM_BYTES);
      const decision = form.get('decision');
      const reason = (form.get('reason') ?? '').trim().slice(0, 500);
      const key = {
        sessionId: param(req, 'session'),
        turn: Number.parseInt(param(req, 'turn'), 10),
        evaluator: form.get('evaluator') ?? '',
        rule: form.get('rule') ?? '',
        span: [Number(form.get('start')), Number(form.get('end'))] as [number, number],
      };
      if (decision !== 'accepted' && decision !== 'rejected')
        return send(res, 400, 'text/plain; charset=utf-8', 'decision must be accepted or rejected');
      if (decision === 'rejected' && !reason) return html(res, url, 400, messagePage(view, t(view.locale, 'reasonRequired')));
      const done = await records.resolveDispute?.(key, { status: decision, ...(reason ? { reason } : {}), at: Date.now() });
      if (!done) return html(res, url, 404, messagePage(view, t(view.locale, 'notFound')));
      app.logger.info('trainer.dispute_decided', { session: key.sessionId, turn: key.turn, decision });
      res.writeHead(303, { Location: `/trainer?done=${decision}#disputes` });
      res.end();
    }),
  );

  server.get(
    '/trainer/export/sessions.csv',
    guard(async (req, res, url) => {
      const data = await loadReport(records, { ...filterFrom(url, localeOf(req, url)), limit: 100000 });
      send(res, 200, 'text/csv; charset=utf-8', sessionsCsv(data.sessions), {
        'Content-Disposition': 'attachment; filename="sessions.csv"',
      });
    }),
  );

  server.get(
    '/trainer/export/turns.csv',
    guard(async (req, res, url) => {
      const data = await loadReport(records, { ...filterFrom(url, localeOf(req, url)), limit: 100000 });
      send(res, 200, 'text/csv; charset=utf-8', turnsCsv(data.turns), { 'Content-Disposition': 'attachment; filename="turns.csv"' });
    }),
  );

  server.get(
    '/trainer/disputes/:session/:turn',
    guard(async (req, res) => {
      const params = req.params as Record<string, string | undefined>;
      const sessionId = String(params.session ?? '');
      const turnParam = String(params.turn ?? '');
      const turnNo = Number.parseInt(turnParam, 10);
      const disputes = ((await records.listDisputes?.({ all: true })) ?? []).filter((d) => d.sessionId === sessionId && d.turn === turnNo);
      if (disputes.length === 0) return send(res, 404, 'text/plain; charset=utf-8', 'No such dispute');
      const turn = (await records.sessionTurns?.(sessionId))?.find((t) => t.turn === turnNo);
      const session = await oneSession(sessionId);
      const facts = { locale: session?.locale ?? 'zh-CN', scenarioId: session?.scenarioId };
      if (turnParam.endsWith('.jsonl')) {
        const lines = disputes.map((d) => disputeFlagLine(d, turn, facts)).filter((l): l is string => l !== undefined);
        return send(
          res,
          lines.length ? 200 : 404,
          'application/x-ndjson; charset=utf-8',
          lines.length ? `${lines.join('\n')}\n` : 'The turn is not recorded',
        );
      }
      // One YAML document per dispute: they may belong to different evaluators' files.
      send(res, 200, 'text/yaml; charset=utf-8', disputes.map((d) => disputeFixture(d, turn, facts)).join('---\n'));
    }),
  );
}
