// SIGTERM while the customer is still speaking: the server stops taking new
// requests, finishes the turn in flight (every paced part reaches the channel),
// flushes storage and exits 0.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'graceful-'));
let connector: Server | undefined;
afterAll(() => {
  connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes a paced turn in flight before it exits on SIGTERM', { timeout: 60_000 }, async () => {
    const delivered: { at: number; text: string; type: string }[] = [];
    connector = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += String(d)));
      req.on('end', () => {
        const activity = JSON.parse(body || '{}') as { text?: string; type?: string };
        delivered.push({ at: Date.now(), text: activity.text ?? '', type: activity.type ?? '' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `r${delivered.length}` }));
      });
    });
    await new Promise<void>((r) => connector!.listen(0, '127.0.0.1', r));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

    const child = spawn(process.execPath, ['bin/roleplay.js', 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      // Slow pacing, so the customer's first line takes a few seconds to be spoken.
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        MicrosoftAppId: '',
        PACING: 'true',
        PACING_MS_PER_CHAR: '40',
        PACING_MIN_MS: '800',
        PACING_MAX_MS: '1500',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += String(d);
        const m = /listening on (http:\/\/[^\s]+)/.exec(stdout);
        if (m) resolve(m[1]!.replace(/\/$/, ''));
      });
      child.once('exit', (code) => reject(new Error(`serve exited (${String(code)}): ${stderr}`)));
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child.once('exit', (code) => resolve({ code, at: Date.now() })),
    );

    const activity = {
      type: 'message',
      id: 'm1',
      text: 'start wrong-change',
      locale: 'zh-CN',
      channelId: 'test',
      serviceUrl,
      from: { id: 'u-graceful', name: 'Trainee' },
      recipient: { id: 'bot' },
      conversation: { id: 'c-graceful' },
      timestamp: new Date().toISOString(),
    };
    const turn = fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    // Stop while the customer's first line is still being spoken (its parts are paced over seconds).
    const deadline = Date.now() + 10_000;
    while (!delivered.some((d) => d.type === 'message') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const stoppedAt = Date.now();
    child.kill('SIGTERM');

    const response = await turn;
    expect(response.status).toBeLessThan(300);
    const { code, at } = await exited;
    expect(code).toBe(0);
    const messages = delivered.filter((d) => d.type === 'message');
    // The turn went on after the signal: the customer's later parts were still delivered, before the exit.
    expect(messages.some((d) => d.at > stoppedAt)).toBe(true);
    expect(Math.max(...delivered.map((d) => d.at))).toBeLessThanOrEqual(at);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    // A request after the signal is not taken.
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
