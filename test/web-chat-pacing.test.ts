// Interruption as the trainee sees it, in the browser with pacing on: a reply while the customer's
// line is still coming (the typing indicator on screen) cuts the customer off; a reply once the last
// part is shown and the typing indicator is gone never does. The coach's notes show the coach's own
// name and avatar, not the customer's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary, type LineVariant } from '../scenarios/index.ts';
import { hasChromium, launchChromium } from './support/chromium.ts';
import { spawnServer, type ServerProcess } from './support/server-process.ts';

const reason = hasChromium ? '' : ' (skipped: /usr/bin/chromium is not installed; .ci/run installs it)';
const INTERRUPTED = '你打断了顾客';

// Which variant the customer says is the server's choice: wait for any of them, from the scenario file.
const wrongChange = loadLibrary().scenarios.get('wrong-change')!;
const anyOf = (texts: string[]) => new RegExp(texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const parts = (variants: LineVariant[], pick: (lines: string[]) => string[]) => anyOf(variants.flatMap((v) => pick(v['zh-CN'] ?? [])));
const state = (id: string) => wrongChange.states.find((st) => st.id === id)!;
const COMPLAINT_FIRST = parts(state('complaint').lines, (l) => l.slice(0, 1));
const CUT_OFF = parts(wrongChange.reactions.interrupted ?? [], (l) => l);
const DETAILS_FIRST = parts(state('details').lines, (l) => l.slice(0, 1));
const DETAILS_LAST = parts(state('details').lines, (l) => l.slice(-1));

describe.skipIf(!hasChromium)(`pacing in the web chat${reason}`, () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'webchat-pacing-'));
    // Every later part of a customer line comes 2.5–3 s after the one before: time enough to cut in.
    server = await spawnServer({
      PACING: 'on',
      PACING_MS_PER_CHAR: '200',
      PACING_MIN_MS: '2500',
      PACING_MAX_MS: '3000',
      DATA_DIR: dataDir,
    });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    if (server && /"level":"error"/.test(server.output())) console.log(server.output());
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const bubbles = (page: Page) =>
    page.locator('.webchat__stacked-layout:not(.webchat__stacked-layout--from-user) .webchat__bubble__content');
  const typing = (page: Page) => page.locator('.webchat__typing-indicator');
  const transcript = (page: Page) => page.locator('.webchat__basic-transcript').innerText();

  async function send(page: Page, text: string): Promise<void> {
    const box = page.locator('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input').first();
    await box.fill(text);
    await box.press('Enter');
  }

  /** Waits until a bot bubble with these words is on screen. */
  async function shown(page: Page, words: RegExp): Promise<void> {
    await expect.poll(async () => words.test((await bubbles(page).allInnerTexts()).join('\n')), { timeout: 20_000 }).toBe(true);
  }

  it('a reply while the typing indicator shows interrupts; one after the last part never does', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=zh-CN`);
    await page.fill('#trainee-name', '节奏测试');
    await page.click('#start');
    await shown(page, /客服陪练/);

    await send(page, '开始 wrong-change');
    // The first part of the customer's complaint is on screen and the rest is still being typed.
    await shown(page, COMPLAINT_FIRST);
    await expect.poll(() => typing(page).count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await send(page, '您别急，您慢慢说');
    await expect.poll(() => transcript(page), { timeout: 20_000 }).toContain(INTERRUPTED);

    // Hearing her out moves her on to a line in two parts; wait for the last part and for the typing to stop.
    await shown(page, CUT_OFF);
    await page.waitForTimeout(1_000);
    await send(page, '不好意思，您别着急，慢慢说，我在听。');
    await shown(page, DETAILS_FIRST);
    await shown(page, DETAILS_LAST);
    await expect.poll(() => typing(page).count(), { timeout: 10_000 }).toBe(0);
    const before = await bubbles(page).count();
    // At once: the whole line is on screen, so this answers it.
    await send(page, '您是说您给了我一张一百的，我只找了您五块，对吗？');
    await expect.poll(() => bubbles(page).count(), { timeout: 20_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(1_500);
    const said = await bubbles(page).allInnerTexts();
    expect(said.filter((t) => t.includes(INTERRUPTED)).length, said.join('\n')).toBe(1);

    // The coach's notes carry the coach's name and avatar; the customer keeps hers.
    const avatars = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.webchat__stacked-layout')).map((row) => {
        const initials = row.querySelector('.webchat__initialsAvatar__initials');
        return {
          sender: row.getAttribute('data-roleplay-sender'),
          coachInitial: initials ? getComputedStyle(initials, '::after').content : '',
          initials: initials?.textContent ?? '',
          text: (row as HTMLElement).innerText,
        };
      }),
    );
    const coach = avatars.filter((a) => a.sender === 'coach');
    expect(coach.length, JSON.stringify(avatars)).toBeGreaterThan(0);
    for (const a of coach) {
      expect(a.text).toContain('教练');
      if (a.initials) expect(a.coachInitial).toBe('"教"');
    }
    expect(avatars.some((a) => a.sender !== 'coach' && a.initials === '顾')).toBe(true);
    await context.close();
  }, 120_000);
});
