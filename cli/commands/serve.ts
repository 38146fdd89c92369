import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { parseOptions } from '../args.ts';

const usage = `Usage: roleplay serve [--port N] [--host ADDR] [--no-pacing]

Starts the bot: POST /api/messages (Bot Framework), GET /healthz, GET /readyz and the web chat at /.
Configuration comes from the environment and .env (see .env.example); options override it.`;

/** What the start-up line says about who can call the bot; it must match how it listens. */
export function accessNote(appId: string | undefined, loopback: boolean): string {
  if (appId) return '';
  if (loopback) return ' (no MicrosoftAppId: local callers only)';
  return ' (WARNING: no MicrosoftAppId and ALLOW_PUBLIC=true: public without authentication, anyone who can reach this address can use the bot)';
}

/**
 * restify 11 reaches process.binding('http_parser') when it loads, so Node prints the DEP0111
 * deprecation at every start; the user can do nothing about it. Only that code is dropped:
 * every other warning is still printed.
 */
function hideRestifyDeprecation(): void {
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  const filtered = (...args: unknown[]): void => {
    const [, typeOrOptions, code] = args;
    const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
    if (warningCode === 'DEP0111') return;
    emit(...args);
  };
  // emitWarning is overloaded; the filter passes every argument through unchanged.
  process.emitWarning = filtered as typeof process.emitWarning;
}

const command: Command = {
  name: 'serve',
  summary: 'run the Bot Framework bot and web chat server',
  usage,
  async run(argv, io) {
    hideRestifyDeprecation();
    const { loadConfig, ConfigError, isLoopback } = await import('../../bot/host/config.ts');
    const { startServer, UnsafeListenError } = await import('../../bot/host/server.ts');
    const { values: opts } = parseOptions(
      argv,
      { port: { type: 'string' }, host: { type: 'string' }, 'no-pacing': { type: 'boolean' } },
      false,
    );
    if (opts.help) {
      io.stdout.write(usage + '\n');
      return 0;
    }
    let config;
    try {
      config = loadConfig();
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    if (typeof opts.port === 'string') {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535 (got "${opts.port}")`);
      config.port = port;
    }
    if (typeof opts.host === 'string') config.host = opts.host;
    if (opts['no-pacing'] === true) config.pacing = { ...config.pacing, enabled: false };
    let running;
    try {
      running = await startServer(config, { watch: config.watchFiles });
    } catch (error) {
      if (error instanceof UnsafeListenError) {
        io.stderr.write(`roleplay serve: ${error.message}\n`);
        return 2;
      }
      io.stderr.write(`roleplay serve: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    io.stdout.write(`roleplay serve: listening on ${running.url}${accessNote(config.MicrosoftAppId, isLoopback(config.host))}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGTERM', stop);
        process.off('SIGINT', stop);
        void running.close().then(resolve, resolve);
      };
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    });
    return 0;
  },
};
export default command;
