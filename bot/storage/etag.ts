// botbuilder's Storage contract says a write with a stale eTag must fail; the bot
// recognises that failure to retry the turn instead of dropping it.
import { randomUUID } from 'node:crypto';

export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * True for a write refused because the item changed since it was read: our stores'
 * ETagConflictError, botbuilder's MemoryStorage ("eTag conflict") and the Azure stores
 * ("precondition failed"). Every caller that retries or counts failures asks this.
 */
export function isETagConflict(error: unknown): boolean {
  if (error instanceof ETagConflictError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown; message?: unknown };
  if (e.name === 'ETagConflictError' || e.code === 'ETAG_CONFLICT') return true;
  return typeof e.message === 'string' && /etag|precondition|conflict/i.test(e.message);
}

/** A write that must be conditional: an eTag other than '*' was given. */
export function expectedETag(item: unknown): string | undefined {
  const eTag = typeof item === 'object' && item !== null ? (item as { eTag?: unknown }).eTag : undefined;
  return typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? eTag : undefined;
}

export function newETag(): string {
  return randomUUID();
}
