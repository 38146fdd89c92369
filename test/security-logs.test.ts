// Logs at info level carry ids, counts and events — never what the trainee typed,
// and never a secret from the configuration.
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../bot/host/config.ts';
import { jsonLogger } from '../bot/host/logger.ts';
import { startServer, type RunningBotServer } from '../bot/host/server.ts';
import { openStorage } from '../bot/storage/index.ts';
import { fakeEngine } from '../bot/testing/fake-engine.ts';
import { trainee } from './support/server-process.ts';

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
    const t = trainee(running.url, 'log-conv', 'en-US', { from: { id: 'trainee-log', name: 'Trainee' } });
    const say = async (text: string) => expect((await t.say(text)).status).toBe(200);
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
