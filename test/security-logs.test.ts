// Logs at info level carry ids, counts and events — never what the trainee typed,
// and never a secret from the configuration.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/host/config.ts';
import { jsonLogger } from '../bot/host/logger.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { fakeEngine } from '../bot/testing/fake-engine.ts';

let running: RunningBotServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

const SECRET_REPLY = 'my card number is 6222-0000-1111-2222 and my password is hunter2';
const TRAINER_TOKEN = 'trainer-token-not-for-logs-31337';

describe('log content at info level', () => {
  it('holds neither the trainee’s words nor configured secrets', async () => {
    const lines: string[] = [];
    const config = loadConfig({ PORT: '0', PACING: 'false', TRAINER_TOKEN, LOG_LEVEL: 'info' });
    running = await startServer(config, {
      logger: jsonLogger('info', (l) => lines.push(l)),
      store: await openStorage({ dataDir: '', kind: 'memory' }),
      engine: fakeEngine(),
    });
    let n = 0;
    const say = async (text: string) => {
      const res = await fetch(`${running!.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `m${++n}`,
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:1/',
          conversation: { id: 'log-conv' },
          from: { id: 'trainee-log', name: 'Trainee' },
          recipient: { id: 'bot' },
          locale: 'en-US',
          deliveryMode: 'expectReplies',
          text,
        }),
      });
      expect(res.status).toBe(200);
    };
    await say('start wrong-change');
    await say(SECRET_REPLY);
    await say('end');
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    expect(all).not.toContain('hunter2');
    expect(all).not.toContain('6222-0000');
    expect(all).not.toContain(TRAINER_TOKEN);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
