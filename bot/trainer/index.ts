// GET /trainer: the trainer's dashboard. Off (404) without TRAINER_TOKEN; 401 without
// the token (Authorization: Bearer …, or the login form's HttpOnly cookie).
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { AppContext } from '../app-context.ts';
import type { SessionFilter } from '../records/types.ts';
import { disputeFixture, disputeFlagLine, loadReport, sessionsCsv, turnsCsv } from './export.ts';
import { HttpError, readFormBody } from '../directline/http-helpers.ts';
import { LoginGuard, MAX_LOGIN_BYTES } from './login-guard.ts';
import { disputesList, escapeHtml, page, scoreChart, sessionsTable, transcript } from './html.ts';

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

function loginPage(failed: boolean): string {
  return page(
    'Trainer login',
    `<h1>Trainer dashboard</h1>${failed ? '<p>Wrong token.</p>' : ''}<form method="post" action="/trainer/login"><label>Token <input type="password" name="token" autofocus></label> <button type="submit">Sign in</button></form>`,
  );
}

class BadFilter extends Error {}

/** The dashboard's filters; a date that is not a date is refused rather than silently ignored. */
function filterFrom(url: URL): SessionFilter {
  const since = url.searchParams.get('since');
  const parsed = since ? Date.parse(since) : NaN;
  if (since && Number.isNaN(parsed)) throw new BadFilter(`"since" must be a date such as 2026-12-01, not "${since}"`);
  return {
    trainee: url.searchParams.get('trainee') || undefined,
    scenarioId: url.searchParams.get('scenario') || undefined,
    since: Number.isNaN(parsed) ? undefined : parsed,
    limit: 500,
  };
}

export function registerTrainerRoutes(server: Server, app: AppContext): void {
  const token = typeof app.config.trainerToken === 'string' ? app.config.trainerToken : '';
  const records = app.store.records;
  const logins = new LoginGuard();
  const tooMany = (res: Response, seconds: number) =>
    send(res, 429, 'text/plain; charset=utf-8', 'Too many wrong tokens; please wait before trying again.', {
      'Retry-After': String(seconds),
    });

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
        wantsHtml ? loginPage(false) : 'Unauthorized: trainer token required',
        { 'WWW-Authenticate': 'Bearer realm="trainer"' },
      );
    }
    try {
      await handler(req, res, url);
    } catch (error) {
      if (error instanceof BadFilter) return send(res, 400, 'text/plain; charset=utf-8', error.message);
      app.logger.error('trainer.failed', { error: String(error) });
      send(res, 503, 'text/plain; charset=utf-8', 'The records are not available right now; please retry.');
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
    if (!sameToken(given, token)) {
      logins.failed(req);
      return send(res, 401, 'text/html; charset=utf-8', loginPage(true));
    }
    logins.succeeded(req);
    res.writeHead(303, {
      Location: '/trainer',
      'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/trainer`,
    });
    res.end();
  });

  server.get(
    '/trainer',
    guard(async (_req, res, url) => {
      const filter = filterFrom(url);
      const sessions = (await records.listSessions?.(filter)) ?? [];
      const disputes = (await records.listDisputes?.()) ?? [];
      const query = url.search;
      const form = `<form method="get" action="/trainer"><label>Trainee <input name="trainee" value="${escapeHtml(filter.trainee ?? '')}" placeholder="name or id"></label> <label>Scenario <input name="scenario" value="${escapeHtml(filter.scenarioId ?? '')}"></label> <label>Since <input name="since" type="date" value="${escapeHtml(url.searchParams.get('since') ?? '')}"></label> <button>Filter</button></form>`;
      send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          'Trainer dashboard',
          `<h1>Sessions</h1>${form}<h2>Scores over time</h2>${scoreChart(sessions)}${sessionsTable(sessions, query)}<h2>Open disputes</h2>${disputesList(disputes)}`,
        ),
      );
    }),
  );

  server.get(
    '/trainer/sessions/:id',
    guard(async (req, res) => {
      const id = String((req.params as Record<string, string | undefined>).id ?? '');
      const turns = (await records.sessionTurns?.(id)) ?? [];
      const [session] = (await records.listSessions?.({ limit: 100000 }))?.filter((s) => s.sessionId === id) ?? [];
      if (!session) return send(res, 404, 'text/plain; charset=utf-8', 'No such session');
      send(
        res,
        200,
        'text/html; charset=utf-8',
        page(
          `Session ${id}`,
          `<p><a href="/trainer">← sessions</a></p><h1>${escapeHtml(session.scenarioId)} — ${escapeHtml(session.traineeName ?? session.traineeId)}</h1><p>${escapeHtml(session.outcome ?? 'in progress')} · overall ${escapeHtml(session.overall ?? '–')}</p>${transcript(turns)}`,
        ),
      );
    }),
  );

  server.get(
    '/trainer/export/sessions.csv',
    guard(async (_req, res, url) => {
      const data = await loadReport(records, { ...filterFrom(url), limit: 100000 });
      send(res, 200, 'text/csv; charset=utf-8', sessionsCsv(data.sessions), {
        'Content-Disposition': 'attachment; filename="sessions.csv"',
      });
    }),
  );

  server.get(
    '/trainer/export/turns.csv',
    guard(async (_req, res, url) => {
      const data = await loadReport(records, { ...filterFrom(url), limit: 100000 });
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
      const [session] = ((await records.listSessions?.({ limit: 100000 })) ?? []).filter((s) => s.sessionId === sessionId);
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
