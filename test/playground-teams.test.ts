// End to end in a Teams-like client: the Microsoft 365 Agents Playground (offline, channel
// msteams) against the real server, driven in headless Chromium through wrong-change to the score card.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../bot/host/config.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { silentLogger } from '../bot/web/testing/echo-server.ts';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.ts';

const require = createRequire(import.meta.url);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let bot: RunningBotServer | undefined;
let playground: ChildProcess | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  playground?.kill('SIGTERM');
  await bot?.close();
});

describe('Microsoft 365 Agents Playground', () => {
  if (!hasChromium) console.warn(`playground test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`);

  it.skipIf(!hasChromium)(
    'plays the wrong-change good path in the Teams-like client to a resolved score card',
    { timeout: 120_000 },
    async () => {
      bot = await startServer(loadConfig({ PORT: '0', PACING: 'false' }), {
        logger: silentLogger,
        store: await openStorage({ dataDir: '', kind: 'memory' }),
      });
      const port = await freePort();
      const cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
      playground = spawn(process.execPath, [cli, '-e', `${bot.url}/api/messages`, '-c', 'msteams', '-p', String(port)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the playground did not start')), 60_000);
        playground?.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes(`Listening on`)) {
            clearTimeout(timer);
            resolve();
          }
        });
        playground?.once('exit', (code) => reject(new Error(`the playground exited (${String(code)})`)));
      });

      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      const box = page.locator('[data-lexical-editor="true"]');
      await page.getByText('▶ 找错零钱').first().waitFor({ timeout: 30_000 });
      // The playground sends en-US as every message's locale; the trainee picks Chinese explicitly.
      await box.click();
      await page.keyboard.type('语言 中文');
      await page.keyboard.press('Enter');
      await page.getByText('已切换为中文').first().waitFor({ timeout: 30_000 });
      await page.getByText('▶ 找错零钱').first().click();
      await page.getByText('开始练习', { exact: false }).first().waitFor({ timeout: 30_000 });
      // The good path of test/transcripts/wrong-change.zh-CN.good.yaml and its closing words: no "结束" needed.
      const replies = [
        '您好，您先别着急，慢慢说，我在听。',
        '我理解您着急，我现在就核对一下小票，再清点钱箱对一下账。',
        '王女士，钱箱确实多出了五十元，是我们的失误，这五十元现在退给您，非常抱歉。',
        '不客气，今天给您添麻烦了，您还有别的需要随时找我，慢走。',
      ];
      for (const [i, reply] of replies.entries()) {
        await box.click();
        await page.keyboard.type(reply);
        await page.keyboard.press('Enter');
        // Each reply gets the coach's note (every one of these acknowledges her feelings) before the next one is typed.
        await expect
          .poll(async () => (await page.locator('body').innerText()).split('接住了顾客的情绪').length - 1, { timeout: 30_000 })
          .toBeGreaterThan(i);
      }
      await page.getByText('结果: 问题已解决').first().waitFor({ timeout: 30_000 });
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('你打断了顾客');
      for (const dimension of ['不打断顾客', '同理心', '术语', '不过度承诺', '解决问题']) expect(body).toContain(dimension);
      await page.screenshot({ path: 'test/artifacts/playground-score-card.png' });
    },
  );
});
