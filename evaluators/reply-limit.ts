// How much of a trainee's reply is read. Every reader (the evaluators, the scenario
// engine, the bot, the CLI) clips through clipReply, so the limit a trainee is told
// is the limit that was applied.
/** The most characters of one reply that are read and scored; the rest is not read. */
export const MAX_REPLY_CHARS = 2000;

export interface ClippedReply {
  text: string;
  clipped: boolean;
  /** The limit applied: the one asked for, never above MAX_REPLY_CHARS. */
  limit: number;
}

/** The part of `text` that is read, with the limit that applied (a configured limit may only lower it). */
export function clipReply(text: string, limit: number = MAX_REPLY_CHARS): ClippedReply {
  const applied = Math.max(1, Math.min(Math.floor(limit) || MAX_REPLY_CHARS, MAX_REPLY_CHARS));
  return text.length > applied ? { text: text.slice(0, applied), clipped: true, limit: applied } : { text, clipped: false, limit: applied };
}
