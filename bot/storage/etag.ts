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

/** True for a stale-eTag write from any of our stores (and botbuilder's MemoryStorage). */
export function isETagConflict(error: unknown): boolean {
  if (error instanceof ETagConflictError) return true;
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ETAG_CONFLICT') return true;
  return error instanceof Error && /eTag conflict/i.test(error.message);
}

/** A write that must be conditional: an eTag other than '*' was given. */
export function expectedETag(item: unknown): string | undefined {
  const eTag = typeof item === 'object' && item !== null ? (item as { eTag?: unknown }).eTag : undefined;
  return typeof eTag === 'string' && eTag !== '*' && eTag !== '' ? eTag : undefined;
}

export function newETag(): string {
  return randomUUID();
}
