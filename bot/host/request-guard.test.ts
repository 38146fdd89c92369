// The guard in front of every request and upgrade: what it refuses, and the last resort that
// turns a handler's exception into a 500 for that request while the server keeps serving.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { rawRequest, rawSend } from '../../test/support/raw-http.ts';
import type { Logger } from './app-context.ts';
import { guardHttpServer, hostAllowed, keepServingOnUncaught, targetProblem } from './request-guard.ts';
import { serviceUrlAllowed } from './service-url.ts';

const logged: string[] = [];
const logger: Logger = { info: (e) => logged.push(e), warn: (e) => logged.push(e), error: (e) => logged.push(e), debug: () => undefined };
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  logged.length = 0;
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('request guard', () => {
  it('answers 500 for a handler that throws, logs it, and keeps serving the next request', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/boom') throw new Error('handler bug');
      res.end('ok');
    });
    server.on('upgrade', () => {
      throw new Error('upgrade bug');
    });
    guardHttpServer(server, { logger });
    const port = await listen(server);
    expect((await rawSend(port, rawRequest('GET', '/boom', {}))).status).toBe(500);
    expect(logged).toContain('request.uncaught');
    const upgrade = await rawSend(port, rawRequest('GET', '/ws', { Upgrade: 'websocket', Connection: 'Upgrade' }));
    expect(upgrade.status).toBe(500);
    expect(logged).toContain('upgrade.uncaught');
    expect((await rawSend(port, rawRequest('GET', '/fine', {}))).text).toMatch(/ok$/);
  });

  it('logs an exception raised outside any request instead of ending the process', async () => {
    const stop = keepServingOnUncaught(logger);
    try {
      // What an 'error' event without a listener becomes: an uncaught exception in a later tick.
      process.emit('uncaughtException', new Error('stray stream error'));
      expect(logged).toContain('process.uncaught');
    } finally {
      stop();
    }
  });

  it('accepts origin-form targets that every parser reads, and nothing else', () => {
    for (const ok of ['/', '/api/messages', '/v3/directline/conversations/dl-1/stream?t=a.b.c&watermark=3', '/?lang=en', '/%E4%B8%AD'])
      expect(targetProblem(ok), ok).toBeUndefined();
    for (const bad of ['http://[/', 'http://[::1/', 'http://xn--a/', '//[', '//evil/', '*', '', '/%E0%A4%A', '/%', '/a b', '/\u00e9'])
      expect(targetProblem(bad)?.status, bad).toBe(400);
  });

  it('answers to loopback names and the public URL’s host only', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:3978', 'localhost:80', '[::1]:3978', '127.1.2.3'])
      expect(hostAllowed(host), host).toBe(true);
    for (const host of ['evil.example', 'localhost.evil.example', '10.0.0.1', '', undefined, '[::1', 'a b'])
      expect(hostAllowed(host), String(host)).toBe(false);
    const publicUrl = 'https://trainer.example.com';
    expect(hostAllowed('trainer.example.com', publicUrl)).toBe(true);
    expect(hostAllowed('TRAINER.example.com:443', publicUrl)).toBe(true);
    expect(hostAllowed('trainer.example.com:8443', publicUrl)).toBe(false);
    expect(hostAllowed('evil.trainer.example.com', publicUrl)).toBe(false);
    // Bound to one IP address, that address is answered; bound to all, no address is implied.
    expect(hostAllowed('192.168.1.5:3978', undefined, '192.168.1.5')).toBe(true);
    expect(hostAllowed('192.168.1.6:3978', undefined, '192.168.1.5')).toBe(false);
    expect(hostAllowed('0.0.0.0:3978', undefined, '0.0.0.0')).toBe(false);
  });
});

describe('serviceUrl allow-list', () => {
  const channels = { appIdSet: true, hosts: ['*.botframework.com', 'smba.trafficmanager.net'] };
  it('with an app id: https to a listed host only', () => {
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/emea/', channels)).toBe(true);
    expect(serviceUrlAllowed('https://directline.botframework.com/', channels)).toBe(true);
    for (const bad of [
      'http://smba.trafficmanager.net/',
      'https://evil.trafficmanager.net/',
      'https://botframework.com.evil.example/',
      'https://user:pw@smba.trafficmanager.net/',
      'http://169.254.169.254/',
      'not a url',
      42,
    ])
      expect(serviceUrlAllowed(bad, channels), String(bad)).toBe(false);
  });

  it('without an app id: this machine only', () => {
    const local = { appIdSet: false, hosts: channels.hosts };
    expect(serviceUrlAllowed('http://127.0.0.1:1/', local)).toBe(true);
    expect(serviceUrlAllowed('http://localhost:56150/', local)).toBe(true);
    expect(serviceUrlAllowed('http://[::1]:8080/', local)).toBe(true);
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/', local)).toBe(false);
    expect(serviceUrlAllowed('http://10.0.0.5/', local)).toBe(false);
  });
});
