// Guessing the trainer token: after a few wrong tries from one address, each further try
// waits longer (1 s, doubling, up to 15 minutes); the right token clears it. Applies to the
// login form and to a wrong Bearer token or cookie alike.
import type { IncomingMessage } from 'node:http';
import { Backoff, clientKey } from '../host/rate-limit.ts';

/** Largest login form accepted (the token and a little more). */
export const MAX_LOGIN_BYTES = 4096;
/** Largest form a trainer posts (a dispute decision with its reason). */
export const MAX_FORM_BYTES = 16 * 1024;

export class LoginGuard {
  private readonly backoff: Backoff;

  constructor(now: () => number = Date.now) {
    this.backoff = new Backoff({ free: 5, baseMs: 1000, maxMs: 15 * 60_000, forgetMs: 15 * 60_000 }, now);
  }

  /** Seconds the caller must still wait before another try counts, 0 when it may try now. */
  waitSeconds(req: IncomingMessage): number {
    return Math.ceil(this.backoff.waitMs(clientKey(req)) / 1000);
  }

  failed(req: IncomingMessage): void {
    this.backoff.fail(clientKey(req));
  }

  succeeded(req: IncomingMessage): void {
    this.backoff.succeed(clientKey(req));
  }
}
