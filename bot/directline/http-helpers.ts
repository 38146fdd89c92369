// Small request/response helpers shared by the Direct Line and web-chat routes.
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body up to `maxBytes`; works whether or not a body parser ran before us. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new HttpError(413, 'MessageSizeTooBig', `Request body over ${maxBytes} bytes.`);
  const parsed = (req as Request & { body?: unknown }).body;
  if (parsed !== undefined && parsed !== null) {
    if (Buffer.isBuffer(parsed) || typeof parsed === 'string') return parseJson(String(parsed), maxBytes);
    return parsed;
  }
  const text = await readText(req, maxBytes);
  return text.trim() === '' ? undefined : parseJson(text, maxBytes);
}

function parseJson(text: string, maxBytes: number): unknown {
  if (Buffer.byteLength(text) > maxBytes) throw new HttpError(413, 'MessageSizeTooBig', `Request body over ${maxBytes} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'BadArgument', 'Request body is not valid JSON.');
  }
}

function readText(req: IncomingMessage, maxBytes: number): Promise<string> {
  if (req.readableEnded) return Promise.resolve('');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(new HttpError(413, 'MessageSizeTooBig', `Request body over ${maxBytes} bytes.`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
  });
}

export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Direct Line's error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, error: HttpError): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } });
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/** This server's own origin as the client sees it (for streamUrl and serviceUrl). */
export function originOf(req: IncomingMessage): { http: string; ws: string } {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  const host = req.headers.host ?? 'localhost';
  return { http: `${proto}://${host}`, ws: `${proto === 'https' ? 'wss' : 'ws'}://${host}` };
}
