// Seeded generators of malformed HTTP: request lines, targets, headers, bodies and encodings,
// and WebSocket upgrades, aimed at the server's real routes.
import { deflateSync, gzipSync } from 'node:zlib';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES = [
  '/api/messages',
  '/api/webchat/token',
  '/v3/directline/conversations',
  '/v3/directline/conversations/dl-00000000-0000-0000-0000-000000000000/activities',
  '/v3/directline/conversations/x/stream',
  '/v3/directline/tokens/refresh',
  '/trainer',
  '/trainer/login',
  '/trainer/sessions/abc',
  '/trainer/export/sessions.csv',
  '/trainer/disputes/a/1.jsonl',
  '/static/app.js',
  '/',
  '/readyz',
  '/healthz',
];

/** Targets that broke parsers somewhere, and shapes around them. */
const NASTY_TARGETS = [
  'http://[/',
  'http://[::1/',
  'http://xn--a/',
  'http://xn--/',
  'https://[:::]/',
  '//[',
  '//',
  '///',
  '*',
  '',
  '/%',
  '/%E0%A4%A',
  '/%ZZ',
  '/%00',
  '/%C0%AF',
  '/..%2f..%2fetc%2fpasswd',
  '/static/..%2f..%2fpackage.json',
  '/static/%2e%2e/%2e%2e/package.json',
  '/v3/directline/conversations/%E0%A4%A/stream',
  '/v3/directline/conversations/%/stream',
  '/v3/directline/conversations/%FF%FE/activities',
  '/trainer/sessions/%E0%A4%A',
  '/trainer/disputes/%E0/%A4',
  '/?\u0000',
  '/[',
  '/]',
  '/@',
  '/\\\\evil',
  'http://127.0.0.1:99999/',
  'http://user:pass@127.0.0.1/',
  'ftp://x/',
  'javascript:alert(1)',
  '/api/messages?a=%E0%A4%A',
  '/?lang=%E0%A4%A',
  '/?watermark=-1',
];

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
  'CONNECT',
  'get',
  'P0ST',
  'G\tET',
  'X'.repeat(300),
  '',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', 'HTTP/9.9', 'HTTP/1', 'http/1.1', ''];
const ENCODINGS = [
  'gzip',
  'deflate',
  'br',
  'x-gzip',
  'gzip, gzip',
  'compress',
  'identity',
  'GZIP',
  'zstd',
  '',
  ' gzip ',
  'gzip;q=1',
  '\u00ff',
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function randomBytes(rnd: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

function mutateTarget(rnd: () => number, target: string): string {
  const inserts = ['%', '%E0%A4', '[', ']', '%00', '//', '#', '?', '%2F', '\u00e9', '\u4e2d', '%ZZ', '..', '@', ':', ';', '%25', '\\'];
  let out = target;
  const n = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    out = out.slice(0, at) + pick(rnd, inserts) + out.slice(at);
  }
  return out;
}

export function randomTarget(rnd: () => number): string {
  const r = rnd();
  if (r < 0.35) return pick(rnd, NASTY_TARGETS);
  if (r < 0.8) return mutateTarget(rnd, pick(rnd, ROUTES));
  if (r < 0.9) return `/${'a/'.repeat(Math.floor(rnd() * 3000))}`;
  return `/${randomBytes(rnd, 1 + Math.floor(rnd() * 40)).toString('latin1')}`;
}

function junkBody(rnd: () => number): Buffer {
  const r = rnd();
  if (r < 0.2) return randomBytes(rnd, Math.floor(rnd() * 2000));
  if (r < 0.4) return gzipSync(Buffer.from('{"type":"message","text":"hi"')).subarray(0, 10 + Math.floor(rnd() * 10));
  if (r < 0.55) return gzipSync(Buffer.alloc(2_000_000, 0x20));
  if (r < 0.65) return deflateSync(Buffer.alloc(1_000_000, '['));
  if (r < 0.8) return Buffer.from('{"type":"message","conversation":{"id":"c"},"from":{"id":"f"},"serviceUrl":"http://169.254.169.254/"}');
  if (r < 0.9) return Buffer.from('['.repeat(100_000));
  return Buffer.from('token=%E0%A4%A&token=' + 'x'.repeat(Math.floor(rnd() * 20000)));
}

function randomHeaders(rnd: () => number): string[] {
  const lines: string[] = [];
  const n = Math.floor(rnd() * 6);
  const pool = [
    () =>
      `Host: ${pick(rnd, ['127.0.0.1', 'evil.example', '', 'localhost:1', '[::1]', 'a'.repeat(300), '127.0.0.1\u0000', 'x y', '%E0%A4%A'])}`,
    () => `Content-Encoding: ${pick(rnd, ENCODINGS)}`,
    () =>
      `Content-Type: ${pick(rnd, ['application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=', '\u00ff'])}`,
    () => `Content-Length: ${pick(rnd, ['-1', '1e3', '999999999999', '0x10', '5, 6', ' ', '12'])}`,
    () => `Transfer-Encoding: ${pick(rnd, ['chunked', 'gzip, chunked', 'identity', 'chunked, chunked', 'xchunked'])}`,
    () => `Cookie: trainer_token=${pick(rnd, ['%E0%A4%A', '%', '"', 'a'.repeat(5000), '%00'])}`,
    () => `Authorization: ${pick(rnd, ['Bearer', 'Bearer %E0', 'Basic ::::', 'Bearer dl1.x.y', 'Bearer ' + 'a'.repeat(8000)])}`,
    () => `Accept-Language: ${pick(rnd, ['%E0%A4%A', 'en;q=abc', ',,,,', '\u00ff'])}`,
    () => `X-Forwarded-Proto: ${pick(rnd, ['https', 'javascript', 'https, http', ''])}`,
    () => `If-None-Match: ${pick(rnd, ['*', '"', 'W/"x"'])}`,
    () =>
      `${randomBytes(rnd, 1 + Math.floor(rnd() * 10)).toString('latin1')}: ${randomBytes(rnd, Math.floor(rnd() * 20)).toString('latin1')}`,
    () => `X-Long: ${'v'.repeat(Math.floor(rnd() * 20_000))}`,
    () => 'Bad Header Without Colon',
    () => ' folded-continuation',
  ];
  for (let i = 0; i < n; i++) lines.push(pick(rnd, pool)());
  return lines;
}

/** One malformed (or merely odd) HTTP request as bytes. */
export function hostileRequest(rnd: () => number): Buffer {
  const method = pick(rnd, METHODS);
  const target = randomTarget(rnd);
  const version = pick(rnd, VERSIONS);
  const headers = randomHeaders(rnd);
  if (!headers.some((h) => /^host:/i.test(h)) && rnd() < 0.9) headers.unshift('Host: 127.0.0.1');
  headers.push('Connection: close');
  const body = method === 'POST' || rnd() < 0.2 ? junkBody(rnd) : Buffer.alloc(0);
  if (body.length > 0 && !headers.some((h) => /^(content-length|transfer-encoding):/i.test(h)))
    headers.push(rnd() < 0.8 ? `Content-Length: ${body.length}` : `Content-Length: ${Math.floor(rnd() * body.length * 2)}`);
  if (body.length > 0 && !headers.some((h) => /^content-encoding:/i.test(h)) && rnd() < 0.5)
    headers.push(`Content-Encoding: ${pick(rnd, ENCODINGS)}`);
  const line = rnd() < 0.1 ? randomBytes(rnd, 1 + Math.floor(rnd() * 60)).toString('latin1') : `${method} ${target} ${version}`.trim();
  return Buffer.concat([Buffer.from(`${line}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** A WebSocket upgrade with an odd target or odd handshake headers. */
export function hostileUpgrade(rnd: () => number, validToken: string, conversationId: string): Buffer {
  const targets = [
    '//[',
    `/v3/directline/conversations/%E0%A4%A/stream?t=${validToken}`,
    `/v3/directline/conversations/${conversationId}/stream?t=${validToken}&watermark=%E0`,
    `/v3/directline/conversations/${conversationId}%/stream?t=${validToken}`,
    `/v3/directline/conversations/${conversationId}/stream?t=%E0%A4%A`,
    `/v3/directline/conversations/${conversationId}/stream`,
    '/v3/directline/conversations//stream',
    'http://[/v3/directline/conversations/x/stream',
    '/api/messages',
    '/',
    '*',
  ];
  const target = rnd() < 0.6 ? pick(rnd, targets) : mutateTarget(rnd, pick(rnd, targets));
  const key = rnd() < 0.8 ? randomBytes(rnd, 16).toString('base64') : pick(rnd, ['', '%%%', 'a'.repeat(500)]);
  const headers = [
    `Host: ${rnd() < 0.85 ? '127.0.0.1' : pick(rnd, ['evil.example', '', '[::1'])}`,
    `Upgrade: ${pick(rnd, ['websocket', 'WebSocket', 'h2c', '', 'websocket, x'])}`,
    `Connection: ${pick(rnd, ['Upgrade', 'upgrade, keep-alive', 'close'])}`,
    `Sec-WebSocket-Version: ${pick(rnd, ['13', '8', 'x', ''])}`,
    `Sec-WebSocket-Key: ${key}`,
  ];
  if (rnd() < 0.3)
    headers.push(
      `Sec-WebSocket-Extensions: ${pick(rnd, ['permessage-deflate; client_max_window_bits', 'permessage-deflate; server_max_window_bits=99', '%%'])}`,
    );
  return Buffer.from(`GET ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
}
