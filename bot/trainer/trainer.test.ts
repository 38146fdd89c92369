import { afterEach, describe, expect, it } from 'vitest';
import type restify from '../host/restify.ts';
import { MemoryRecords } from '../records/memory-records.ts';
import { dispute, sessionEnd, sessionStart, turnRecord } from '../storage/testing/fixtures.ts';
import { startDashboard } from './testing/dashboard-server.ts';

const servers: restify.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function start(trainerToken?: string): Promise<string> {
  const records = new MemoryRecords();
  await records.sessionStarted(sessionStart('s1'));
  await records.turnRecorded(turnRecord('s1', 1, '<script>alert(1)</script> 请提供SKU编号', 'SKU'));
  await records.sessionEnded(sessionEnd('s1', 70));
  await records.addDispute(dispute('s1', 1, 'SKU', '<script>alert(1)</script> 请提供SKU编号', 'ok'));
  return startDashboard(servers, records, trainerToken);
}

describe('trainer dashboard', () => {
  it('is off (404) without a configured token', async () => {
    expect((await fetch(`${await start()}/trainer`)).status).toBe(404);
  });

  it('answers 401 without the token and the page with it', async () => {
    const base = await start('t0k');
    expect((await fetch(`${base}/trainer`)).status).toBe(401);
    expect((await fetch(`${base}/trainer`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(`${base}/trainer`, { headers: { Authorization: 'Bearer t0k' } });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain('<svg');
    expect(html).toContain('s1');
  });

  it('the login form speaks the browser language and offers the switch', async () => {
    const base = await start('t0k');
    const zh = await (await fetch(`${base}/trainer`, { headers: { Accept: 'text/html', 'Accept-Language': 'zh-CN,zh;q=0.9' } })).text();
    expect(zh).toContain('培训师登录');
    expect(zh).toMatch(/hreflang="en"/);
    const en = await (await fetch(`${base}/trainer?lang=en`, { headers: { Accept: 'text/html' } })).text();
    expect(en).toContain('Trainer sign-in');
  });

  it('renders a trainee-written <script> as text and highlights the finding on its exact words', async () => {
    const base = await start('t0k');
    const html = await (await fetch(`${base}/trainer/sessions/s1`, { headers: { Authorization: 'Bearer t0k' } })).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<mark class="finding"[^>]*>SKU<\/mark>/);
  });

  it('shows a key moment whose state never came as not come up, neither ticked nor crossed', async () => {
    const records = new MemoryRecords();
    await records.sessionStarted(sessionStart('s2'));
    const end = sessionEnd('s2', 80);
    const keyMoments = [
      { id: 'heard-out', label: 'Heard him out', met: true, turn: 1 },
      { id: 'stayed-calm', label: 'Stayed calm after the grab', met: true, turn: null, arose: false as const },
    ];
    await records.sessionEnded({ ...end, report: { ...end.report, keyMoments } });
    const base = await startDashboard(servers, records, 't0k');
    const html = await (await fetch(`${base}/trainer/sessions/s2?lang=en`, { headers: { Authorization: 'Bearer t0k' } })).text();
    expect(html).toMatch(/<span class="badge ok">✓<\/span> Heard him out/);
    expect(html).toMatch(/<span class="badge">–<\/span> Stayed calm after the grab · did not come up/);
  });

  it('exports CSV and a dispute as a corpus fixture', async () => {
    const base = await start('t0k');
    const auth = { headers: { Authorization: 'Bearer t0k' } };
    const sessions = await (await fetch(`${base}/trainer/export/sessions.csv`, auth)).text();
    expect(sessions.split('\r\n')[1]).toMatch(/^s1,u1,Lin,wrong-change/);
    const fixture = await (await fetch(`${base}/trainer/disputes/s1/1`, auth)).text();
    expect(fixture).toContain('test/corpus/jargon/zh-CN.yaml');
    expect(fixture).toContain('findings: []');
    expect(fixture).toMatch(/^valid:$/m);
    const line = await (await fetch(`${base}/trainer/disputes/s1/1.jsonl`, auth)).text();
    expect(JSON.parse(line)).toMatchObject({ locale: 'zh-CN', scenario: 'wrong-change', expect: { jargon: false } });
  });

  it('the login form sets an HttpOnly cookie that opens the dashboard', async () => {
    const base = await start('t0k');
    const login = await fetch(`${base}/trainer/login`, {
      method: 'POST',
      body: 'token=t0k',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect((await fetch(`${base}/trainer`, { headers: { Cookie: cookie.split(';')[0] ?? '' } })).status).toBe(200);
  });
});

describe('trainer dashboard filters', () => {
  const auth = { headers: { Authorization: 'Bearer t0k' } };

  it('finds a trainee by display name as well as by id', async () => {
    const base = await start('t0k');
    for (const who of ['Lin', 'u1']) {
      const csv = await (await fetch(`${base}/trainer/export/sessions.csv?trainee=${who}`, auth)).text();
      expect(csv.split('\r\n')[1], who).toMatch(/^s1,u1,Lin/);
    }
    const none = await (await fetch(`${base}/trainer/export/sessions.csv?trainee=Nobody`, auth)).text();
    expect(none.trim().split('\r\n')).toHaveLength(1);
  });

  it('refuses a "since" that is not a date instead of ignoring it', async () => {
    const base = await start('t0k');
    const res = await fetch(`${base}/trainer?since=garbage`, auth);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/起始日期/);
    const en = await fetch(`${base}/trainer?since=garbage`, { headers: { ...auth.headers, 'Accept-Language': 'en-US,en;q=0.9' } });
    expect(await en.text()).toMatch(/Since/);
  });

  it('dates the chart of scores over time', async () => {
    const base = await start('t0k');
    const html = await (await fetch(`${base}/trainer`, auth)).text();
    expect(html).toMatch(/<svg[\s\S]*\d{4}-\d{2}-\d{2}[\s\S]*<\/svg>/);
  });
});
