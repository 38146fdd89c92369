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
  /** The address clients use; streamUrl is built from it instead of the Host header. */
  publicUrl?: string;
  /** How long a web trainee's identity lasts after it was last issued. */
  identityTtlSeconds: number;
  /** A conversation without activity for this long is deleted. */
  conversationTtlMs: number;
  /** Messages one trainee may post: `burst` at once, then `perMinute`. */
  posts: { burst: number; perMinute: number };
  /** New conversations one client address may open: `burst` at once, then `perMinute`. */
  newConversations: { burst: number; perMinute: number };
}

export const DEFAULT_OPTIONS: DirectLineOptions = {
  tokenTtlSeconds: 1800,
  maxActivities: 500,
  maxBodyBytes: 64 * 1024,
  maxPendingTurns: 16,
  maxSocketsPerConversation: 4,
  defaultLocale: 'zh-CN',
  identityTtlSeconds: 30 * 24 * 3600,
  conversationTtlMs: 24 * 3600 * 1000,
  posts: { burst: 10, perMinute: 30 },
  newConversations: { burst: 30, perMinute: 30 },
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
  const publicUrl = firstString(c.publicUrl);
  const identityDays = firstNumber(c.directLineIdentityTtlDays);
  const conversationHours = firstNumber(c.directLineConversationTtlHours);
  const postsPerMinute = firstNumber(c.directLinePostsPerMinute);
  const conversationsPerMinute = firstNumber(c.directLineNewConversationsPerMinute);
  return {
    ...DEFAULT_OPTIONS,
    // botframework-directlinejs refreshes every 15 minutes, so a shorter token would lapse mid-chat.
    ...(ttl !== undefined && ttl > 0 ? { tokenTtlSeconds: Math.max(MIN_TOKEN_TTL_SECONDS, Math.floor(ttl)) } : {}),
    ...(secret ? { secret } : {}),
    ...(locale && (LOCALES as readonly string[]).includes(locale) ? { defaultLocale: locale } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(identityDays !== undefined && identityDays > 0 ? { identityTtlSeconds: Math.round(identityDays * 24 * 3600) } : {}),
    ...(conversationHours !== undefined && conversationHours > 0 ? { conversationTtlMs: Math.round(conversationHours * 3600 * 1000) } : {}),
    ...(postsPerMinute !== undefined && postsPerMinute > 0
      ? { posts: { burst: Math.max(DEFAULT_OPTIONS.posts.burst, Math.ceil(postsPerMinute / 3)), perMinute: postsPerMinute } }
      : {}),
    ...(conversationsPerMinute !== undefined && conversationsPerMinute > 0
      ? { newConversations: { burst: Math.ceil(conversationsPerMinute), perMinute: conversationsPerMinute } }
      : {}),
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
