// Dates and times as the training department reads them: in its time zone (TRAINER_TIME_ZONE,
// else the server's), in the page's language. Never raw UTC.
import type { DashLocale } from './i18n.ts';

export interface Clock {
  timeZone: string;
  locale: DashLocale;
}

/** The zone to show times in: a valid IANA name, else the server's own zone. */
export function trainerTimeZone(configured: string | undefined): string {
  const fallback = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  if (!configured) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: configured });
    return configured;
  } catch {
    return fallback;
  }
}

export function dateTime(ms: number, clock: Clock): string {
  return new Intl.DateTimeFormat(clock.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: clock.timeZone }).format(ms);
}

/** The calendar day, YYYY-MM-DD, in the zone (chart axes and day groups). */
export function day(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(ms);
}

/** Machine-readable, for <time datetime>. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}
