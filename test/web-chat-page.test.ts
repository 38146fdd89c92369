// The web chat page in headless Chromium against the echo bot: the page, its identity, Web Chat
// over our Direct Line endpoint, Adaptive Cards, reload resume, language switch, and no request
// leaving the server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEchoServer, type RunningServer } from '../bot/web/testing/echo-server.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

describe.skipIf(!hasChromium)(
  `web chat page in Chromium${hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; .ci/run installs it)'}`,
  () => {
    let srv: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      srv = await startEchoServer();
      // launch() gives every run a fresh temporary profile.
      browser = await launchChromium();
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
      await srv?.close();
    });

    /** A message bubble in the transcript holding `text`. */
    function bubble(page: Page, text: string) {
      return page.locator('.webchat__bubble__content', { hasText: text });
    }

    async function send(page: Page, text: string): Promise<void> {
      const box = page.locator('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input').first();
      await box.fill(text);
      await box.press('Enter');
    }

    it('chats through the local Direct Line endpoint, renders cards, resumes on reload and fetches nothing from outside', async () => {
      const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(String(error)));

      await page.goto(`${srv.url}/`);
      await expect.poll(() => page.title()).toBe('客服情景演练');
      await page.fill('#trainee-name', '小李');
      await page.click('#start');
      await bubble(page, 'hello 小李').first().waitFor({ timeout: 20_000 });

      await send(page, '您好，请问有什么可以帮您？');
      await bubble(page, 'echo: 您好，请问有什么可以帮您？').first().waitFor();
      await send(page, 'card');
      await page.locator('.ac-adaptiveCard').getByText('Score card').waitFor();
      // A card's submit button posts its data back through the endpoint.
      await page.locator('.ac-adaptiveCard').getByRole('button', { name: 'Pick wrong-change' }).first().click();
      await bubble(page, 'picked: wrong-change').first().waitFor();

      // The trainee's identity is an id the server issued (with its signature), used as the user id of every message.
      const trainee = await page.evaluate(() => JSON.parse(localStorage.getItem('roleplay.trainee') ?? '{}'));
      expect(trainee).toMatchObject({ name: '小李', id: expect.stringMatching(/^web:/), identity: expect.stringMatching(/^wid2\./) });
      await bubble(page, `from: ${trainee.id}`).first().waitFor();

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'web-chat-page.png') });

      // Reload: same trainee, same conversation, history shown again.
      await page.reload();
      await bubble(page, 'echo: 您好，请问有什么可以帮您？').first().waitFor({ timeout: 20_000 });
      await expect.poll(() => bubble(page, 'hello 小李').count()).toBe(1);

      // Language switch: the page and Web Chat's own strings change to English.
      await page.click('[data-lang="en"]');
      await expect.poll(() => page.title()).toBe('Customer Service Role-Play Trainer');
      await send(page, 'hello');
      await bubble(page, 'locale: en').first().waitFor();

      const foreign = requests.filter(
        (url) => !url.startsWith(srv.url) && !url.startsWith('ws://127.0.0.1') && !url.startsWith('data:') && !url.startsWith('blob:'),
      );
      expect(foreign).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    }, 90_000);
  },
);
