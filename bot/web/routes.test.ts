import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type RunningServer } from './testing/echo-server.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await startEchoServer();
});
afterAll(async () => {
  await srv.close();
});

describe('web chat page routes', () => {
  it('serves the page in Chinese by default and in English on request, locked to its own origin', async () => {
    const zh = await fetch(`${srv.url}/`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await zh.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('客服情景演练');
    expect(html).not.toMatch(/https?:\/\//);
    expect(zh.headers.get('content-security-policy')).toContain("script-src 'self'");
    const en = await fetch(`${srv.url}/?lang=en`);
    expect(await en.text()).toContain('Customer Service Role-Play Trainer');
    const browserEn = await fetch(`${srv.url}/`, { headers: { 'Accept-Language': 'en-GB,en;q=0.8' } });
    expect(await browserEn.text()).toContain('<html lang="en">');
  });

  it("serves Web Chat's bundle from the installed package with caching headers", async () => {
    const res = await fetch(`${srv.url}/static/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('max-age');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await res.text()).length).toBeGreaterThan(1_000_000);
    const again = await fetch(`${srv.url}/static/webchat.js`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    for (const name of ['app.js', 'app.css', 'favicon.svg']) expect((await fetch(`${srv.url}/static/${name}`)).status).toBe(200);
  });

  it('answers unknown or sneaky asset names with 404', async () => {
    for (const name of ['nope.js', '..%2Fpackage.json', 'constructor', '__proto__']) {
      expect((await fetch(`${srv.url}/static/${name}`)).status).toBe(404);
    }
  });
});
