// PLACEHOLDER until the web chat lands: the web page and the Direct Line endpoint register here.
import type { Server } from 'restify';
import type { AppContext } from '../app-context.ts';

export function registerWebChat(_server: Server, _app: AppContext): { close(): Promise<void> } {
  return { close: async () => {} };
}
