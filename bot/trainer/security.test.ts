// The dashboard's defences: login limits, framing, malformed cookies and spreadsheet-safe CSV.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type restify from '../host/restify.ts';
import { MemoryRecords } from '../records/memory-records.ts';
import { csvField } from './export.ts';
import { startDashboard } from './testing/dashboard-server.ts';

const servers: restify.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

const start = (trainerToken: string): Promise<string> => startDashboard(servers, new MemoryRecords(), trainerToken);

const login = (base: string, token: string) =>
  fetch(`${base}/trainer/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `token=${encodeURIComponent(token)}`,
    redirect: 'manual',
  });

describe('trainer dashboard security', () => {
  it('makes a guesser wait after five wrong tokens, longer each time, and tells them how long', async () => {
    const base = await start('the-right-token');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login(base, `guess-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    // The sixth wrong try starts the wait; every try during it is refused unread, the right token too.
    expect(statuses.slice(6)).toEqual([429, 429]);
    const refused = await login(base, 'the-right-token');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // A wrong Bearer token is a guess as well.
    expect((await fetch(`${base}/trainer`, { headers: { Authorization: 'Bearer guess' } })).status).toBe(429);
  });

  it('refuses a login form over the limit, also when it only inflates past it', async () => {
    const base = await start('tok');
    const big = await fetch(`${base}/trainer/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${'x'.repeat(2_000_000)}`,
    });
    expect(big.status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(5_000_000, 'a'));
    expect(bomb.length).toBeLessThan(10_000);
    const inflated = await fetch(`${base}/trainer/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'gzip' },
      body: bomb,
    });
    expect(inflated.status).toBe(413);
    expect((await login(base, 'tok')).status).toBe(303);
  });

  it('cannot be framed, and answers a malformed cookie with 401 rather than an error page', async () => {
    const base = await start('tok');
    const res = await fetch(`${base}/trainer`, { headers: { Authorization: 'Bearer tok' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const bad = await fetch(`${base}/trainer`, { headers: { Cookie: 'trainer_token=%E0%A4%A' } });
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toMatch(/URIError|malformed/i);
  });
});

describe('CSV export', () => {
  it('neutralises every cell a spreadsheet would read as a formula or a shifted cell', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
      const cell = csvField(`${lead}HYPERLINK("http://x")`);
      expect(cell.replace(/^"/, '').startsWith("'"), JSON.stringify(lead)).toBe(true);
    }
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('tab\tinside')).toBe('"tab\tinside"');
  });
});
