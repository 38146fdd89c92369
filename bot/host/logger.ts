// Structured JSON logs, one line each. Callers pass ids and counts, never message text or secrets.
import type { Logger } from './app-context.ts';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;

export function jsonLogger(level: keyof typeof LEVELS, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const log =
    (at: keyof typeof LEVELS) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[at] < LEVELS[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...fields }));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
