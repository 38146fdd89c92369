// A session crosses to the engine thread and back as what changed, not as a whole copy: the
// thread keeps the sessions it answered with, so the bot names one instead of sending it
// again, and the thread answers with the new session's difference from the one it started
// from (session-delta.test.ts). Both copies grow with every turn's log entry, and cloning them
// whole, both ways, on every turn cost more than the turn's own work on the bot's thread.
//
// Sound because the engine never changes a session it is given (test/core/engine-purity.test.ts):
// a value the new session shares with the old one, the very same object, is unchanged.

export interface SessionDelta {
  /** The new session's keys, in its order, so that it serialises exactly as the thread's copy. */
  keys: string[];
  /** The values that are not the very ones of the session it started from (the log aside). */
  changed: Record<string, unknown>;
  /** The log's leading entries that are the very ones it started from. */
  logKept: number;
  /** The log's entries after them. */
  logAdded: unknown[];
}

const LOG = 'log';

export function sessionDelta(before: object, after: object): SessionDelta {
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  const keys = Object.keys(now);
  const changed: Record<string, unknown> = {};
  let logKept = 0;
  let logAdded: unknown[] = [];
  for (const key of keys) {
    const value = now[key];
    const old = was[key];
    if (key === LOG && Array.isArray(value) && Array.isArray(old)) {
      while (logKept < value.length && logKept < old.length && value[logKept] === old[logKept]) logKept++;
      logAdded = value.slice(logKept);
    } else if (!Object.is(value, old) || !Object.prototype.hasOwnProperty.call(was, key)) changed[key] = value;
  }
  return { keys, changed, logKept, logAdded };
}

/** The new session, from the one the delta was taken against (a copy equal to it) and the delta. */
export function applySessionDelta<T extends object>(before: T, delta: SessionDelta): T {
  const was = before as Record<string, unknown>;
  const session: Record<string, unknown> = {};
  for (const key of delta.keys) {
    if (Object.prototype.hasOwnProperty.call(delta.changed, key)) session[key] = delta.changed[key];
    else if (key === LOG && Array.isArray(was[LOG])) session[key] = [...(was[LOG] as unknown[]).slice(0, delta.logKept), ...delta.logAdded];
    else session[key] = was[key];
  }
  return session as T;
}
