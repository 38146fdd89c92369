// Direct Line tokens: HMAC-signed, bound to one conversation and one trainee, short-lived.
// Stateless on purpose so any server instance sharing the secret can check them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  /** Conversation the token opens, and the only one it may read or write. */
  conv: string;
  /** Trainee id: becomes `from.id` of every activity the trainee posts. */
  user: string;
  /** Display name the trainee typed (may be empty). */
  name: string;
  locale: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

export class TokenIssuer {
  constructor(
    private readonly secret: Buffer,
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
    /** How long a web trainee's identity is honoured after it was last issued (default 30 days). */
    readonly identityTtlSeconds: number = 30 * 24 * 3600,
  ) {}

  issue(claims: Omit<TokenClaims, 'exp'>): { token: string; expiresIn: number } {
    const body: TokenClaims = { ...claims, exp: Math.floor(this.now() / 1000) + this.ttlSeconds };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return { token: `dl1.${payload}.${this.sign(payload)}`, expiresIn: this.ttlSeconds };
  }

  /** A fresh token with the same binding and a new expiry. */
  refresh(claims: TokenClaims): { token: string; expiresIn: number } {
    return this.issue({ conv: claims.conv, user: claims.user, name: claims.name, locale: claims.locale });
  }

  check(token: string | undefined): TokenCheck {
    if (!token) return { ok: false, reason: 'missing' };
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'dl1' || !parts[1] || !parts[2]) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(parts[1]));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  /**
   * A web trainee's identity, issued by the server and kept by the page: the signed user id and
   * an expiry. The page cannot choose an id, so it cannot claim a Teams user's (or another
   * trainee's) history; a copied identity stops working once it expires. Each token request
   * issues a fresh one, so a trainee who keeps coming back keeps their id.
   */
  issueIdentity(userId: string): string {
    const exp = Math.floor(this.now() / 1000) + this.identityTtlSeconds;
    const payload = Buffer.from(JSON.stringify({ u: userId, exp }), 'utf8').toString('base64url');
    return `wid2.${payload}.${this.sign(`identity:${payload}`)}`;
  }

  /** The user id inside an unexpired identity this server issued, or undefined. */
  checkIdentity(identity: string): string | undefined {
    const parts = identity.split('.');
    if (parts.length !== 3 || parts[0] !== 'wid2' || !parts[1] || !parts[2]) return undefined;
    // Signed with a prefix, so a conversation token's signature never validates as an identity.
    const expected = Buffer.from(this.sign(`identity:${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let body: { u?: unknown; exp?: unknown };
    try {
      body = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { u?: unknown; exp?: unknown };
    } catch {
      return undefined;
    }
    if (typeof body.u !== 'string' || typeof body.exp !== 'number' || body.exp * 1000 <= this.now()) return undefined;
    return WEB_USER_ID.test(body.u) ? body.u : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/** Web trainees' ids: a namespace no Teams or other channel id uses, and a random part. */
export const WEB_USER_ID = /^web:[A-Za-z0-9_-]{16,64}$/;

export function newWebUserId(): string {
  return `web:${randomBytes(12).toString('base64url')}`;
}

export function newSecret(): Buffer {
  return randomBytes(32);
}

/** Reads `Authorization: Bearer <token>`. */
export function bearer(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)$/i.exec(value ?? '');
  return match?.[1];
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.conv === 'string' &&
    typeof v.user === 'string' &&
    typeof v.name === 'string' &&
    typeof v.locale === 'string' &&
    typeof v.exp === 'number'
  );
}
