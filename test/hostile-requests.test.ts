// The real server process, with an app id and a trainer token set, against requests meant to
// end it: five single requests that end an unguarded restify server, then thousands of malformed request lines,
// targets, headers, encodings and upgrades. After each batch the server must still answer.
import { gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileRequest, hostileUpgrade, prng } from './support/hostile-inputs.ts';
import { rawRequest, rawSend } from './support/raw-http.ts';
import { rssKb, spawnServer, type ServerProcess } from './support/server-process.ts';

let server: ServerProcess;
let port: number;

beforeAll(async () => {
  server = await spawnServer({
    MicrosoftAppId: '00000000-0000-0000-0000-00000000abcd',
    MicrosoftAppPassword: 'not-a-real-secret',
    TRAINER_TOKEN: 'trainer-secret-token',
    LOG_LEVEL: 'error',
  });
  port = Number(new URL(server.url).port);
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

async function healthy(): Promise<void> {
  expect(server.proc.exitCode, server.output()).toBeNull();
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
}

async function webToken(): Promise<{ token: string; conversationId: string }> {
  const res = await fetch(`${server.url}/api/webchat/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { token: string; conversationId: string };
  const started = await fetch(`${server.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${body.token}` },
  });
  expect(started.status).toBe(201);
  return body;
}

describe('the five requests that ended the process', () => {
  it('a request target restify could not parse: http://[/, http://[::1/, http://xn--a/ → 400', async () => {
    for (const target of ['http://[/', 'http://[::1/', 'http://xn--a/']) {
      const answer = await rawSend(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer.status, target).toBe(400);
      await healthy();
    }
  });

  it('a WebSocket upgrade to //[ → 400', async () => {
    const answer = await rawSend(
      port,
      'GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(answer.status).toBe(400);
    await healthy();
  });

  it('junk declared as gzip on /api/messages → 401 unread without a token, 400 with one', async () => {
    const junk = Buffer.from('junk that is not gzip');
    const headers = { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' };
    expect((await rawSend(port, rawRequest('POST', '/api/messages', headers, junk))).status).toBe(401);
    await healthy();
    const withToken = await rawSend(port, rawRequest('POST', '/api/messages', { ...headers, Authorization: 'Bearer x.y.z' }, junk));
    expect(withToken.status).toBe(400);
    await healthy();
  });

  it('a Direct Line stream upgrade to /conversations/%E0%A4%A/stream with a valid token → 400', async () => {
    const { token } = await webToken();
    const answer = await rawSend(
      port,
      `GET /v3/directline/conversations/%E0%A4%A/stream?t=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
    );
    expect(answer.status).toBe(400);
    await healthy();
  });

  it('a 520 MB body to /trainer/login → 413 without reading it, declared or streamed', async () => {
    const before = rssKb(server.pid);
    const declared = await rawSend(
      port,
      'POST /trainer/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 545259520\r\nConnection: close\r\n\r\ntoken=',
    );
    expect(declared.status).toBe(413);
    // Streamed without a length: the server answers 413 after the first few kilobytes.
    const status = await new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let sent = 0;
      const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
      socket.on('connect', () => {
        socket.write(
          'POST /trainer/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        const pump = () => {
          while (sent < 520 * 1024 * 1024 && !text) {
            sent += 64 * 1024;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
      socket.on('data', (c: Buffer) => {
        text += c.toString('latin1');
        socket.destroy();
        resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
      });
      socket.on('error', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    });
    expect(status).toBe(413);
    await healthy();
    // The body was never held: the process grew by far less than one copy of it.
    expect(rssKb(server.pid) - before).toBeLessThan(100 * 1024);
  });
});

describe('limits and callers', () => {
  it('inflates a gzip bomb only up to the limit (204 KB → 200 MB is refused at 256 KB)', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, ' '));
    const before = rssKb(server.pid);
    for (let i = 0; i < 5; i++) {
      const answer = await rawSend(
        port,
        rawRequest(
          'POST',
          '/api/messages',
          { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', Authorization: 'Bearer x.y.z' },
          bomb,
        ),
      );
      expect(answer.status).toBe(413);
    }
    expect(rssKb(server.pid) - before).toBeLessThan(100 * 1024);
    await healthy();
  });

  it('answers only to its own host names, and never echoes a foreign Host', async () => {
    const foreign = await rawSend(port, rawRequest('GET', '/', { Host: 'rebind.attacker.example' }));
    expect(foreign.status).toBe(421);
    expect(foreign.text).not.toContain('rebind.attacker.example');
    const token = await rawSend(
      port,
      rawRequest('POST', '/api/webchat/token', { Host: 'rebind.attacker.example:80', 'Content-Type': 'application/json' }, '{}'),
    );
    expect(token.status).toBe(421);
    // Health checks from an orchestrator (which use an IP) still answer.
    expect((await rawSend(port, rawRequest('GET', '/healthz', { Host: '10.1.2.3:3978' }))).status).toBe(200);
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-security-policy')).toContain(`ws://127.0.0.1:${port}`);
  });

  it('refuses a serviceUrl outside the channels, and an activity that could never be stored', async () => {
    const activity = (extra: Record<string, unknown>) =>
      JSON.stringify({
        type: 'message',
        text: 'hi',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        ...extra,
      });
    const post = (body: string) =>
      rawSend(port, rawRequest('POST', '/api/messages', { 'Content-Type': 'application/json', Authorization: 'Bearer x.y.z' }, body));
    for (const serviceUrl of [
      'http://169.254.169.254/latest/',
      'https://evil.example/',
      'https://smba.trafficmanager.net.evil.example/',
      'http://smba.trafficmanager.net/',
    ])
      expect((await post(activity({ serviceUrl }))).status, serviceUrl).toBe(403);
    expect((await post(activity({ conversation: undefined }))).status).toBe(400);
    expect((await post(activity({ from: undefined }))).status).toBe(400);
    // A channel's own host passes these checks and reaches authentication, which this fake token fails.
    expect((await post(activity({}))).status).toBe(401);
  });
});

describe('fuzz', () => {
  it('survives thousands of malformed requests and upgrades, healthy after every batch', async () => {
    const rnd = prng(20261204);
    const { token, conversationId } = await webToken();
    const statuses = new Map<number, number>();
    let sent = 0;
    for (let batch = 0; batch < 24; batch++) {
      const requests = Array.from({ length: 100 }, () =>
        batch % 4 === 3 ? hostileUpgrade(rnd, token, conversationId) : hostileRequest(rnd),
      );
      const answers = await Promise.all(requests.map((bytes) => rawSend(port, bytes, 800)));
      sent += requests.length;
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      await healthy();
    }
    // No request was answered with a server error, and the server still serves real work.
    expect(statuses.get(500) ?? 0, JSON.stringify([...statuses])).toBe(0);
    console.log(`[fuzz] ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(server.output()).not.toMatch(/process\.uncaught/);
  }, 240_000);
});
