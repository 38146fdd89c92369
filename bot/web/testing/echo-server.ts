// A restify server with the web chat and a tiny echo bot, for tests of the page and the
// Direct Line endpoint that should not depend on the training bot's behaviour.
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CardFactory, MemoryStorage, type TurnContext } from 'botbuilder';
import restify from 'restify';
import type { AppContext, Logger } from '../../host/app-context.ts';
import { loadConfig, type AppConfig } from '../../host/config.ts';
import { MemoryRecords } from '../../records/memory-records.ts';
import { registerWebChat, type WebChatHandle } from '../index.ts';

export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(`hello ${member.name ?? member.id}`);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = context.activity.text ?? '';
      const value = context.activity.value as { pick?: string } | undefined;
      if (value?.pick) {
        await context.sendActivity(`picked: ${value.pick}`);
      } else if (text === 'card') {
        await context.sendActivity({
          attachments: [
            CardFactory.adaptiveCard({
              type: 'AdaptiveCard',
              version: '1.5',
              body: [{ type: 'TextBlock', text: 'Score card' }],
              actions: [{ type: 'Action.Submit', title: 'Pick wrong-change', data: { pick: 'wrong-change' } }],
            }),
          ],
        });
      } else if (text === 'slow') {
        await context.sendActivities([
          { type: 'message', text: 'part 1' },
          { type: 'delay', value: 1000 },
          { type: 'message', text: 'part 2' },
        ]);
      } else if (text === 'boom') {
        throw new Error('boom');
      } else {
        // Two paced parts, like the customer's multi-part lines.
        await context.sendActivities([{ type: 'typing' }, { type: 'delay', value: 20 }, { type: 'message', text: `echo: ${text}` }]);
        await context.sendActivity(`locale: ${context.activity.locale ?? ''} from: ${context.activity.from.id}`);
      }
      await next();
    });
  }
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

export interface RunningServer {
  url: string;
  server: restify.Server;
  webChat: WebChatHandle;
  turnErrors: unknown[];
  close(): Promise<void>;
}

export async function startEchoServer(overrides: Partial<AppConfig> = {}, storage = new MemoryStorage()): Promise<RunningServer> {
  // Defaults from an empty environment, so a developer's .env does not change the tests.
  const config: AppConfig = { ...loadConfig({}), ...overrides };
  const server = restify.createServer({ name: 'web-chat-test' });
  const turnErrors: unknown[] = [];
  const app: AppContext = {
    bot: new EchoBot(),
    store: { storage, records: new MemoryRecords(), kind: 'memory', ready: async () => true, close: async () => {} },
    logger: silentLogger,
    onTurnError: async (context: TurnContext, error: unknown) => {
      turnErrors.push(error);
      await context.sendActivity('Sorry, something went wrong.');
    },
    config,
  };
  const webChat = registerWebChat(server, app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    webChat,
    turnErrors,
    close: async () => {
      await webChat.close();
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
