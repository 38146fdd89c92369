// The Direct Line endpoint's settings, read from the app's configuration with safe defaults.
export interface DirectLineOptions {
  /** Lifetime of a conversation token (the page refreshes it at half-life). */
  tokenTtlSeconds: number;
  /** Activities kept per conversation; older ones are dropped. */
  maxActivities: number;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /** Turns waiting per conversation before new posts get 429. */
  maxPendingTurns: number;
  /** Open WebSockets per conversation; the oldest is closed beyond this. */
  maxSocketsPerConversation: number;
  defaultLocale: string;
  /** HMAC secret for tokens; when absent one is generated and kept in storage. */
  secret?: string;
}

export const DEFAULT_OPTIONS: DirectLineOptions = {
  tokenTtlSeconds: 1800,
  maxActivities: 500,
  maxBodyBytes: 64 * 1024,
  maxPendingTurns: 16,
  maxSocketsPerConversation: 4,
  defaultLocale: 'zh-CN',
};

export const MIN_TOKEN_TTL_SECONDS = 20 * 60;

export const LOCALES = ['zh-CN', 'en', 'zh-TW'] as const;

/** Picks what it knows from the app config without depending on its exact shape. */
export function optionsFromConfig(config: object): DirectLineOptions {
  const c = config as Record<string, unknown>;
  const nested = (typeof c.directLine === 'object' && c.directLine !== null ? c.directLine : {}) as Record<string, unknown>;
  const ttl = firstNumber(nested.tokenTtlSeconds, c.directLineTokenTtlSeconds, c.directLineTokenTtl, nested.tokenTtl);
  const secret = firstString(nested.secret, c.directLineSecret);
  const locale = firstString(c.defaultLocale, c.locale);
  return {
    ...DEFAULT_OPTIONS,
    // botframework-directlinejs refreshes every 15 minutes, so a shorter token would lapse mid-chat.
    ...(ttl !== undefined && ttl > 0 ? { tokenTtlSeconds: Math.max(MIN_TOKEN_TTL_SECONDS, Math.floor(ttl)) } : {}),
    ...(secret ? { secret } : {}),
    ...(locale && (LOCALES as readonly string[]).includes(locale) ? { defaultLocale: locale } : {}),
  };
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return undefined;
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return undefined;
}
