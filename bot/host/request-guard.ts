// What every request and upgrade passes before any route or library sees it: a request target
// that parses, a Host that is this server's, and a last resort that turns an exception thrown
// while handling one request into a 400/500 for that request instead of the end of the process.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { parse as legacyParse } from 'node:url';
import type { Logger } from './app-context.ts';

export interface GuardOptions {
  logger: Logger;
  /** The public URL clients use (PUBLIC_URL); its host is accepted besides loopback names. */
  publicUrl?: string;
  /** The address the server listens on: when it is one IP address, that address is a host name too. */
  listenHost?: string;
  /** Paths answered whatever the Host says (health checks from an orchestrator use an IP). */
  anyHostPaths?: readonly string[];
}

export interface Problem {
  status: number;
  text: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const WILDCARDS = new Set(['0.0.0.0', '::']);

/** Host names this server answers to: loopback, and the public URL's host when one is set. */
export function hostAllowed(host: string | undefined, publicUrl?: string, listenHost?: string): boolean {
  if (typeof host !== 'string' || host === '' || host.length > 255) return false;
  const lower = host.toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(lower);
  if (!match) return false;
  const name = match[1] ?? '';
  if (LOOPBACK_NAMES.has(name) || /^127(?:\.\d{1,3}){3}$/.test(name)) return true;
  // A rebinding attack needs a name; the one IP address the server is bound to is not one.
  if (listenHost && isIP(listenHost) && !WILDCARDS.has(listenHost) && name.replace(/^\[(.*)\]$/, '$1') === listenHost.toLowerCase())
    return true;
  if (!publicUrl) return false;
  const url = new URL(publicUrl);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return name === url.hostname.toLowerCase() && (match[2] ?? defaultPort) === (url.port || defaultPort);
}

/** The request target in origin form (`/path?query`), parseable by every parser the server uses. */
export function targetProblem(target: string | undefined): Problem | undefined {
  const bad = { status: 400, text: 'Bad request target' };
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return bad;
  // Printable ASCII only: the HTTP parser lets some bytes through that URL parsers treat differently.
  if (!/^[\x21-\x7e]+$/.test(target)) return bad;
  try {
    const url = new URL(target, 'http://localhost');
    decodeURIComponent(url.pathname);
    legacyParse(target);
  } catch {
    return bad;
  }
  return undefined;
}

function requestProblem(req: IncomingMessage, options: GuardOptions): Problem | undefined {
  const target = targetProblem(req.url);
  if (target) return target;
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  if (options.anyHostPaths?.includes(path)) return undefined;
  if (!hostAllowed(req.headers.host, options.publicUrl, options.listenHost)) return { status: 421, text: 'Unknown host' };
  return undefined;
}

function answer(res: ServerResponse, problem: Problem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(problem.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(problem.text),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(problem.text);
}

function refuseUpgrade(socket: Duplex, problem: Problem): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(
    `HTTP/1.1 ${problem.status} ${problem.status === 421 ? 'Misdirected Request' : problem.status === 400 ? 'Bad Request' : 'Internal Server Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

/**
 * Puts the guard in front of every 'request' and 'upgrade' listener the server has now or gets
 * later (restify's router, the Direct Line stream), and answers parse errors of the HTTP layer.
 */
export function guardHttpServer(server: HttpServer, options: GuardOptions): void {
  const { logger } = options;
  const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
  server.emit = function guardedEmit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const [req, res] = args as [IncomingMessage, ServerResponse];
      const problem = requestProblem(req, options);
      if (problem) {
        logger.debug('request.refused', { status: problem.status, method: req.method });
        answer(res, problem);
        return true;
      }
      try {
        return emit(event, ...args);
      } catch (error) {
        logger.error('request.uncaught', { error: error instanceof Error ? error.message : String(error), method: req.method });
        answer(res, { status: 500, text: 'Internal error' });
        return true;
      }
    }
    if (event === 'upgrade') {
      const [req, socket] = args as [IncomingMessage, Duplex];
      const problem = requestProblem(req, options);
      if (problem) {
        logger.debug('upgrade.refused', { status: problem.status });
        refuseUpgrade(socket, problem);
        return true;
      }
      try {
        return emit(event, ...args);
      } catch (error) {
        logger.error('upgrade.uncaught', { error: error instanceof Error ? error.message : String(error) });
        refuseUpgrade(socket, { status: 500, text: '' });
        return true;
      }
    }
    return emit(event, ...args);
  } as typeof server.emit;

  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    logger.debug('request.unparseable', { code: error.code });
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.writable)) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
    );
  });
  // A client that trickles its headers or body must not hold a socket for minutes.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
}

/**
 * The last resort: an exception that escapes every request handler (a stream error raised
 * outside any request's call stack) is logged and the server goes on serving the others.
 * A supervisor still restarts the process if it ever exits (docs/reliability.md).
 */
export function keepServingOnUncaught(logger: Logger): () => void {
  const onError = (error: unknown) =>
    logger.error('process.uncaught', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return () => {
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
}
