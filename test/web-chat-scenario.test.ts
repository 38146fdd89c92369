// The whole product in the browser: `roleplay serve` as a child process, the page in headless
// Chromium, the trainee plays `wrong-change` to its score card.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.ts';

const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const FIXTURE = join(ROOT, 'test/transcripts/wrong-change.zh-CN.good.yaml');

/** The good path of the scenario's transcript fixture; a missing or malformed fixture fails the test. */
function goodReplies(): string[] {
  const data = parse(readFileSync(FIXTURE, 'utf8')) as { replies?: unknown };
  if (!Array.isArray(data.replies) || !data.replies.length || !data.replies.every((r) => typeof r === 'string'))
    throw new Error(`${FIXTURE}: needs "replies", a list of the trainee's replies`);
  return data.replies as string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('wrong-change in the web chat', () => {
  it('has Chromium to drive (apt-get install chromium; .ci/run installs it)', () => {
    expect(hasChromium, `no Chromium at ${CHROMIUM}`).toBe(true);
  });

  let server: ChildProcess | undefined;
  let browser: Browser;
  let base = '';
  let dataDir = '';
  const serverLog: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'webchat-data-'));
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['bin/roleplay.js', 'serve'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PACING: 'off', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d: Buffer) => serverLog.push(String(d)));
    server.stderr?.on('data', (d: Buffer) => serverLog.push(String(d)));
    // Ready means scenarios loaded and storage reachable, not just listening.
    const deadline = Date.now() + 30_000;
    while ((await fetch(`${base}/readyz`).catch(() => undefined))?.status !== 200) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`server did not become ready:\n${serverLog.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server?.once('exit', resolve));
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const botItems = (page: Page) =>
    page.locator('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content');

  /** Waits until the customer has said something new and then stays quiet a moment. */
  async function customerAnswered(page: Page, before: number): Promise<number> {
    await expect.poll(() => botItems(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    let last = -1;
    let count = await botItems(page).count();
    while (count !== last) {
      last = count;
      await page.waitForTimeout(800);
      count = await botItems(page).count();
    }
    return count;
  }

  async function send(page: Page, text: string): Promise<void> {
    const box = page.locator('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input').first();
    await box.fill(text);
    await box.press('Enter');
  }

  it('plays the wrong-change good path from the page to a resolved end and its score card', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    await page.goto(`${base}/`);
    await page.fill('#trainee-name', '测试学员');
    await page.click('#start');
    let seen = await customerAnswered(page, 0); // greeting and scenario picker

    await send(page, '开始 wrong-change');
    seen = await customerAnswered(page, seen);
    const cardsBefore = await page.locator('.ac-adaptiveCard').count();
    for (const reply of goodReplies()) {
      await send(page, reply);
      seen = await customerAnswered(page, seen);
    }
    // The good path ends the session by itself: no "结束", and the customer was never cut off.
    expect(await page.locator('.ac-adaptiveCard').count()).toBeGreaterThan(cardsBefore);
    const transcript = await page.locator('.webchat__basic-transcript').innerText();
    // After the refund the trainee is told the case is solved and the closing words are next.
    expect(transcript).toContain('说句结束语送走顾客');
    expect(transcript).not.toContain('你打断了顾客');
    const scoreCard = page.locator('.ac-adaptiveCard').last();
    await scoreCard.scrollIntoViewIfNeeded();
    const cardText = await scoreCard.innerText();
    // The five dimensions, in whichever words the card uses for them.
    const dimensions = [/打断|interrupt/i, /共情|同理|empathy/i, /术语|jargon/i, /承诺|promise/i, /解决|problem/i];
    expect(dimensions.filter((d) => d.test(cardText)).length, cardText).toBeGreaterThanOrEqual(4);
    expect(cardText).toContain('结果: 问题已解决');
    // Shown once: the card alone, its plain text only as the fallback.
    expect(transcript.split('服务风格').length - 1, transcript).toBe(1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'web-chat-wrong-change.png'), fullPage: true });
    expect(
      requests.filter((url) => !url.startsWith(base) && !url.startsWith(base.replace('http', 'ws')) && !/^(data|blob):/.test(url)),
    ).toEqual([]);
    await context.close();
  }, 180_000);
});
