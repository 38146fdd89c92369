// The trainer dashboard in headless Chromium: after a played session, the trainer signs in with
// the token, opens the session and sees the transcript with the findings highlighted (<mark>).
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { trainee } from './support/server-process.ts';

const TOKEN = 'trainer-secret-for-tests';
const SCREENSHOT = new URL('./artifacts/trainer-dashboard.png', import.meta.url).pathname;

let running: RunningBotServer | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function say(url: string, text: string): Promise<void> {
  const t = trainee(url, 'conv-dash', 'zh-CN', { from: { id: 'trainee-dash', name: 'Trainee Dash' } });
  expect((await t.say(text)).status).toBe(200);
}

describe.skipIf(!hasChromium)(`trainer dashboard in Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed)'}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a played session with highlighted findings after signing in with the token', async () => {
    const config = loadConfig({ PORT: '0', PACING: 'false', TRAINER_TOKEN: TOKEN });
    running = await startServer(config, { logger: silentLogger, store: await openStorage({ dataDir: '', kind: 'memory' }) });
    const url = running.url;
    await say(url, '开始 wrong-change');
    await say(url, '您等一下，这个要走NOC工单流程，系统对账要等T+1。');
    await say(url, '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。');
    await say(url, '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。');
    await say(url, '结束');

    const page = await browser!.newPage();
    try {
      await page.goto(`${url}/trainer`);
      await page.fill('input[name="token"]', TOKEN);
      await Promise.all([page.waitForURL(`${url}/trainer`), page.click('button[type="submit"]')]);
      const link = page.locator('a[href^="/trainer/sessions/"]').first();
      await link.waitFor({ timeout: 30_000 });
      await Promise.all([page.waitForURL(/\/trainer\/sessions\//), link.click()]);
      const marks = page.locator('mark');
      await marks.first().waitFor({ timeout: 30_000 });
      expect(await marks.count()).toBeGreaterThan(0);
      // Names, not ids: the scenario's title and the trainee's name head the transcript.
      const heading = await page.textContent('h1.page-title');
      expect(heading).toContain('Wrong change at the till'); // the browser asks for English
      expect(heading).toContain('Trainee Dash');
      mkdirSync(new URL('./artifacts/', import.meta.url).pathname, { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(existsSync(SCREENSHOT)).toBe(true);
    } finally {
      await page.close();
    }
  }, 120_000);
});
