// Small request/response helpers shared by the Direct Line and web-chat routes.
import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Request, Response } from 'restify';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Reads a JSON body up to `maxBytes` (after decompression); works whether or not a body parser ran before us. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const parsed = (req as Request & { body?: unknown }).body;
  if (parsed !== undefined && parsed !== null) {
    if (Buffer.isBuffer(parsed) || typeof parsed === 'string') return parseJson(String(parsed), maxBytes);
    return parsed;
  }
  const text = (await readBody(req, maxBytes)).toString('utf8');
  return text.trim() === '' ? undefined : parseJson(text, maxBytes);
}

/** An `application/x-www-form-urlencoded` body (a login form), within the same limits. */
export async function readFormBody(req: IncomingMessage, maxBytes: number): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req, maxBytes)).toString('utf8'));
}

function parseJson(text: string, maxBytes: number): unknown {
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'Request body is not valid JSON.');
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, 'MessageSizeTooBig', `Request body over ${maxBytes} bytes.`);
}

/** Content codings a client may send; anything else is refused before a byte is read. */
function decoderFor(encoding: string): (() => Transform) | null | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return () => createGunzip();
    case 'deflate':
      return () => createInflate();
    case 'br':
      return () => createBrotliDecompress();
    default:
      return undefined;
  }
}

/**
 * The request body as bytes, never more than `maxBytes` of them: the limit holds for what
 * was sent and for what it inflates to, counted as the decompressor streams, so a small gzip
 * bomb stops at the limit. A body that cannot be decoded is a 400; the process never sees an
 * unhandled stream error. Over the limit the rest is drained unread and the caller answers 413.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    return Promise.reject(tooLarge(maxBytes));
  }
  const encoding = String(req.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = decoderFor(encoding);
  if (decoder === undefined) {
    req.resume();
    return Promise.reject(new HttpError(415, 'UnsupportedMediaType', 'Unsupported Content-Encoding.'));
  }
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let raw = 0;
    let size = 0;
    let done = false;
    const inflater = decoder ? decoder() : undefined;
    const fail = (error: HttpError) => {
      if (done) return;
      done = true;
      chunks.length = 0;
      if (inflater) {
        req.unpipe(inflater);
        inflater.destroy();
      }
      req.resume();
      reject(error);
    };
    const collect = (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBytes) return fail(tooLarge(maxBytes));
      chunks.push(chunk);
    };
    const finish = () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    };
    req.on('error', () => fail(new HttpError(400, 'BadArgument', 'The request body was cut off.')));
    if (inflater) {
      // The compressed bytes are limited too, so a stream of empty blocks cannot run forever.
      req.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (raw > maxBytes) fail(tooLarge(maxBytes));
      });
      inflater.on('data', collect);
      inflater.on('end', finish);
      inflater.on('error', () => fail(new HttpError(400, 'BadArgument', `The body is not valid ${encoding} data.`)));
      req.pipe(inflater);
    } else {
      req.on('data', collect);
      req.on('end', finish);
    }
  });
}

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Direct Line's error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, error.headers);
}

/** 429 with the wait in whole seconds, for the client's back-off. */
export function tooManyRequests(retryAfterMs: number, message: string): HttpError {
  // The connection closes too: a flooding client reconnects instead of having its bodies drained.
  return new HttpError(429, 'TooManyRequests', message, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    Connection: 'close',
  });
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/** A Host header of a plain name or address and an optional port; anything else is never echoed. */
const HOST_SHAPE = /^(?:[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The Host header when it has the shape of one, else undefined. */
export function hostOf(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  return typeof host === 'string' && host.length <= 255 && HOST_SHAPE.test(host) ? host.toLowerCase() : undefined;
}

/**
 * This server's own origin as the client sees it (for streamUrl, the page's CSP and serviceUrl):
 * the configured public URL when there is one, else the Host header, which the host guard has
 * checked against the allowed names before any route runs.
 */
export function originOf(req: IncomingMessage, publicUrl?: string): { http: string; ws: string } {
  if (publicUrl) {
    const url = new URL(publicUrl);
    return { http: url.origin, ws: `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}` };
  }
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  const host = hostOf(req) ?? 'localhost';
  return { http: `${proto}://${host}`, ws: `${proto === 'https' ? 'wss' : 'ws'}://${host}` };
}
