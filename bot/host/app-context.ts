// What the server's route modules share. Built once at start by bot/host/server.ts.
import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { AppConfig } from './config.ts';
import type { StorageHandle } from '../storage/index.ts';

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  debug(event: string, fields?: Record<string, unknown>): void;
}

export interface AppContext {
  /** The bot: one instance, reached through /api/messages and the Direct Line routes alike. */
  bot: ActivityHandler;
  /** Storage and records (see bot/storage). */
  store: StorageHandle;
  logger: Logger;
  /** The adapter-independent error handler: logs, tells the trainee, keeps the session. */
  onTurnError(context: TurnContext, error: unknown): Promise<void>;
  /** Full configuration as loaded from the environment (bot/host/config.ts). */
  config: AppConfig;
}
