// The baseline for the bot benchmark: a bare botbuilder echo bot on the same
// restify + CloudAdapter stack as the product, so the ratio shows the cost of
// the product's own turn (engine, evaluators, state, records).
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Request, type Response } from 'botbuilder';
import restify from '../bot/host/restify.ts';
import type { AddressInfo } from 'node:net';

export async function startEchoBot(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req as unknown as Request, res as unknown as Response, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// As a child process of the benchmark: `node --import tsx bench/echo-bot.ts` prints {"url": …} once listening.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const echo = await startEchoBot(Number(process.env.PORT ?? 0));
  process.stdout.write(`${JSON.stringify({ url: echo.url })}\n`);
  const stop = () => void echo.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
