// The dashboard as a training department uses it, in Chromium at a desktop (1280 px) and a
// phone (390 px) width, in both languages: every page's parts are visible, nothing sticks out
// sideways, names and the page's language are shown instead of internal ids. Screenshots go to
// test/artifacts/ for a person to look at.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';
import { COHORT, seedCohort } from '../bot/trainer/testing/cohort.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';

const TOKEN = 'dashboard-layout-token';
const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

let running: RunningBotServer | undefined;
let browser: Browser | undefined;

const disputed = COHORT.disputes[0]!.sessionId;
const PAGES = [
  {
    name: 'overview',
    path: '/trainer',
    parts: ['h1.page-title', 'form.filter', 'figure.chart svg', 'ul.legend li', '#trainees table', '#disputes li'],
  },
  { name: 'trainee', path: '/trainer/trainees/u-li', parts: ['h1.page-title', 'figure.chart svg', '.kpis', 'table.data'] },
  { name: 'scenario', path: '/trainer/scenarios/angry-contractor', parts: ['h1.page-title', '.kpis', 'table.data'] },
  {
    name: 'session',
    path: `/trainer/sessions/${disputed}`,
    parts: ['h1.page-title', 'article.turn', '.notes', 'mark.finding', 'form[action$="/decision"] button'],
  },
] as const;

const WORDS = {
  'zh-CN': { legend: '同理心', overview: '总览', weakest: '最弱维度' },
  en: { legend: 'Empathy', overview: 'Overview', weakest: 'Weakest dimension' },
} as const;

/** Elements whose box reaches past the viewport's right edge (ignoring hidden ones). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1)
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
    return out.slice(0, 10);
  });
}

describe.skipIf(!hasChromium)(`trainer dashboard layout${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed)'}`, () => {
  beforeAll(async () => {
    const store = await openStorage({ dataDir: '', kind: 'memory' });
    await seedCohort(store.records);
    const config = loadConfig({ PORT: '0', PACING: 'false', TRAINER_TOKEN: TOKEN, TRAINER_TIME_ZONE: 'Asia/Shanghai' });
    running = await startServer(config, { logger: silentLogger, store });
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  for (const width of [1280, 390])
    for (const lang of ['zh-CN', 'en'] as const)
      it(`every page at ${width} px in ${lang}: parts visible, nothing overflows, the page's own words`, async () => {
        const context = await browser!.newContext({
          viewport: { width, height: 900 },
          extraHTTPHeaders: { Authorization: `Bearer ${TOKEN}`, 'Accept-Language': lang === 'en' ? 'en-GB,en;q=0.9' : 'zh-CN,zh;q=0.9' },
        });
        const page = await context.newPage();
        try {
          for (const p of PAGES) {
            const res = await page.goto(`${running!.url}${p.path}`);
            expect(res?.status(), p.path).toBe(200);
            expect(await page.getAttribute('html', 'lang')).toBe(lang);
            for (const part of p.parts) expect(await page.locator(part).first().isVisible(), `${p.name}: ${part}`).toBe(true);
            expect(await overflowing(page), `${p.name} at ${width}px`).toEqual([]);
            const text = (await page.textContent('body')) ?? '';
            // Internal ids never reach the trainer: no "problemSolving/missing", no raw dimension keys, no session UUIDs.
            expect(text, p.name).not.toMatch(/problemSolving|interrupting|\/missing|\bs\d\d\b/);
            expect(text).toContain(WORDS[lang].overview);
            await page.screenshot({ path: `${ARTIFACTS}trainer-${p.name}-${lang}-${width}.png`, fullPage: true });
          }
          await page.goto(`${running!.url}/trainer`);
          expect(await page.locator('ul.legend').first().textContent()).toContain(WORDS[lang].legend);
          expect(await page.locator('#trainees').textContent()).toContain('小李');
          expect(await page.locator('#trainees').textContent()).toContain(WORDS[lang].weakest);
        } finally {
          await context.close();
        }
      }, 120_000);

  it('the language switch changes the page and is remembered', async () => {
    const context = await browser!.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${TOKEN}`, 'Accept-Language': 'zh-CN' } });
    const page = await context.newPage();
    try {
      await page.goto(`${running!.url}/trainer`);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await Promise.all([page.waitForURL(/lang=en/), page.click('.lang a[hreflang="en"]')]);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await page.goto(`${running!.url}/trainer/trainees/u-li`);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.textContent('body')).toContain('Weakest dimension');
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a dispute is accepted (its corpus case offered) or rejected with a reason', async () => {
    const context = await browser!.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${TOKEN}`, 'Accept-Language': 'en' } });
    const page = await context.newPage();
    try {
      await page.goto(`${running!.url}/trainer`);
      const items = page.locator('#disputes li');
      const before = await items.count();
      expect(before).toBeGreaterThanOrEqual(2);
      await Promise.all([page.waitForURL(/done=accepted/), items.first().locator('button', { hasText: 'Accept' }).click()]);
      expect(await page.textContent('.notice')).toContain('accepted');
      expect(await page.locator('#disputes li').count()).toBe(before - 1);
      const next = page.locator('#disputes li').first();
      await next.locator('input[name="reason"]').fill('The term was not explained to the customer.');
      await Promise.all([page.waitForURL(/done=rejected/), next.locator('button', { hasText: 'Reject' }).click()]);
      expect(await page.locator('#disputes li').count()).toBe(before - 2);
      const decided = await running!.app.store.records.listDisputes!({ all: true });
      expect(decided.filter((d) => d.status === 'accepted')).toHaveLength(1);
      expect(decided.find((d) => d.status === 'rejected')?.reason).toBe('The term was not explained to the customer.');
      // The accepted one still offers its corpus case on its session's page.
      const accepted = decided.find((d) => d.status === 'accepted')!;
      await page.goto(`${running!.url}/trainer/sessions/${accepted.sessionId}`);
      expect(await page.locator('a[href$=".yaml"]').count()).toBeGreaterThan(0);
      const rejected = decided.find((d) => d.status === 'rejected')!;
      await page.goto(`${running!.url}/trainer/sessions/${rejected.sessionId}`);
      expect(await page.textContent('body')).toContain('The term was not explained');
    } finally {
      await context.close();
    }
  }, 60_000);
});
