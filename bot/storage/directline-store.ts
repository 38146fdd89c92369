// The Direct Line conversations and their activities, one row per activity: a post appends a
// row (it never rewrites the conversation's log), the oldest rows past the cap are deleted,
// and a trainee's message stays marked pending until its turn has been answered, so a restart
// can finish what was acknowledged but not answered.
import type { SqlDb } from './sql.ts';

export interface ConversationRow {
  conversationId: string;
  userId: string;
  createdAt: number;
  /** Sequence number of the newest activity; a watermark is such a number. */
  seq: number;
  /** True once the bot has been told the conversation started. */
  started: boolean;
}

/** An activity as JSON-safe data (the Direct Line wire shape). */
export type ActivityData = Record<string, unknown> & { id?: string };

export interface ActivityRow {
  seq: number;
  activity: ActivityData;
}

export interface PendingTurn extends ActivityRow {
  conversationId: string;
}

export interface DirectLineStore {
  conversation(conversationId: string): Promise<ConversationRow | undefined>;
  /** Creates the conversation if it does not exist; returns it either way. */
  ensure(conversationId: string, userId: string, now: number): Promise<ConversationRow>;
  /** True for the one call that marks it started. */
  markStarted(conversationId: string): Promise<boolean>;
  /**
   * Appends activities (each gets the next sequence number and, when it has none, an id made
   * from it) and deletes what falls beyond the newest `keep`. Throws for an unknown conversation.
   */
  append(
    conversationId: string,
    activities: { activity: ActivityData; pending: boolean }[],
    now: number,
    keep: number,
  ): Promise<ActivityRow[]>;
  /** Activities with a sequence number above `after`, oldest first. */
  after(conversationId: string, after: number): Promise<ActivityRow[]>;
  /** Replaces the activity with this id; false when it is not kept (any more). */
  replace(conversationId: string, activity: ActivityData): Promise<boolean>;
  remove(conversationId: string, activityId: string): Promise<void>;
  /** The turn of this activity has been answered (or told to resend). */
  settle(conversationId: string, seq: number): Promise<void>;
  /** Every activity still pending, per conversation in order. */
  pending(): Promise<PendingTurn[]>;
  /** Deletes conversations without activity since `before`; returns how many. */
  expire(before: number): Promise<number>;
}

export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class UnknownConversationError extends Error {}

export class SqlDirectLineStore implements DirectLineStore {
  constructor(private readonly db: SqlDb) {}

  async conversation(conversationId: string): Promise<ConversationRow | undefined> {
    const rows = await this.db.all<Record<string, unknown>>(
      `SELECT conversation_id, user_id, created_at, seq, started FROM dl_conversations WHERE conversation_id = ?`,
      [conversationId],
    );
    return rows[0] ? toConversation(rows[0]) : undefined;
  }

  async ensure(conversationId: string, userId: string, now: number): Promise<ConversationRow> {
    await this.db.run(
      `INSERT INTO dl_conversations (conversation_id, user_id, created_at, last_active, seq, started) VALUES (?, ?, ?, ?, 0, 0) ON CONFLICT (conversation_id) DO NOTHING`,
      [conversationId, userId, now, now],
    );
    const row = await this.conversation(conversationId);
    if (!row) throw new UnknownConversationError(conversationId);
    return row;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    return (await this.db.run(`UPDATE dl_conversations SET started = 1 WHERE conversation_id = ? AND started = 0`, [conversationId])) === 1;
  }

  append(
    conversationId: string,
    activities: { activity: ActivityData; pending: boolean }[],
    now: number,
    keep: number,
  ): Promise<ActivityRow[]> {
    return this.db.transaction(async (tx) => {
      // The counter moves first, in the same transaction: two instances never take one number.
      const counted = await tx.all<{ seq: number | string }>(
        `UPDATE dl_conversations SET seq = seq + ?, last_active = ? WHERE conversation_id = ? RETURNING seq`,
        [activities.length, now, conversationId],
      );
      if (!counted[0]) throw new UnknownConversationError(conversationId);
      const last = Number(counted[0].seq);
      const rows: ActivityRow[] = [];
      let seq = last - activities.length;
      for (const { activity, pending } of activities) {
        seq += 1;
        const stored = { ...activity, id: activity.id ?? activityId(conversationId, seq) };
        await tx.run(`INSERT INTO dl_activities (conversation_id, seq, activity_id, pending, data) VALUES (?, ?, ?, ?, ?)`, [
          conversationId,
          seq,
          stored.id,
          pending ? 1 : 0,
          JSON.stringify(stored),
        ]);
        rows.push({ seq, activity: stored });
      }
      await tx.run(`DELETE FROM dl_activities WHERE conversation_id = ? AND seq <= ?`, [conversationId, last - keep]);
      return rows;
    });
  }

  async after(conversationId: string, after: number): Promise<ActivityRow[]> {
    const rows = await this.db.all<{ seq: number | string; data: string }>(
      `SELECT seq, data FROM dl_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq`,
      [conversationId, after],
    );
    return rows.map((r) => ({ seq: Number(r.seq), activity: JSON.parse(r.data) as ActivityData }));
  }

  replace(conversationId: string, activity: ActivityData): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ seq: number | string; data: string }>(
        `SELECT seq, data FROM dl_activities WHERE conversation_id = ? AND activity_id = ?`,
        [conversationId, activity.id],
      );
      const row = rows[0];
      if (!row) return false;
      const merged = { ...(JSON.parse(row.data) as ActivityData), ...activity };
      await tx.run(`UPDATE dl_activities SET data = ? WHERE conversation_id = ? AND seq = ?`, [
        JSON.stringify(merged),
        conversationId,
        row.seq,
      ]);
      return true;
    });
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    await this.db.run(`DELETE FROM dl_activities WHERE conversation_id = ? AND activity_id = ?`, [conversationId, activityId]);
  }

  async settle(conversationId: string, seq: number): Promise<void> {
    await this.db.run(`UPDATE dl_activities SET pending = 0 WHERE conversation_id = ? AND seq = ? AND pending = 1`, [conversationId, seq]);
  }

  async pending(): Promise<PendingTurn[]> {
    const rows = await this.db.all<{ conversation_id: string; seq: number | string; data: string }>(
      `SELECT conversation_id, seq, data FROM dl_activities WHERE pending = 1 ORDER BY conversation_id, seq`,
    );
    return rows.map((r) => ({ conversationId: r.conversation_id, seq: Number(r.seq), activity: JSON.parse(r.data) as ActivityData }));
  }

  expire(before: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.run(
        `DELETE FROM dl_activities WHERE conversation_id IN (SELECT conversation_id FROM dl_conversations WHERE last_active < ?)`,
        [before],
      );
      return tx.run(`DELETE FROM dl_conversations WHERE last_active < ?`, [before]);
    });
  }
}

function toConversation(row: Record<string, unknown>): ConversationRow {
  return {
    conversationId: String(row.conversation_id),
    userId: String(row.user_id),
    createdAt: Number(row.created_at),
    seq: Number(row.seq),
    started: Number(row.started) === 1,
  };
}

/** The same behaviour in memory (tests, and the in-memory store). */
export class MemoryDirectLineStore implements DirectLineStore {
  private readonly conversations = new Map<
    string,
    ConversationRow & { lastActive: number; rows: (ActivityRow & { pending: boolean })[] }
  >();

  async conversation(conversationId: string): Promise<ConversationRow | undefined> {
    const c = this.conversations.get(conversationId);
    return c && { conversationId: c.conversationId, userId: c.userId, createdAt: c.createdAt, seq: c.seq, started: c.started };
  }

  async ensure(conversationId: string, userId: string, now: number): Promise<ConversationRow> {
    if (!this.conversations.has(conversationId))
      this.conversations.set(conversationId, { conversationId, userId, createdAt: now, seq: 0, started: false, lastActive: now, rows: [] });
    return (await this.conversation(conversationId))!;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const c = this.conversations.get(conversationId);
    if (!c || c.started) return false;
    c.started = true;
    return true;
  }

  async append(
    conversationId: string,
    activities: { activity: ActivityData; pending: boolean }[],
    now: number,
    keep: number,
  ): Promise<ActivityRow[]> {
    const c = this.conversations.get(conversationId);
    if (!c) throw new UnknownConversationError(conversationId);
    const added = activities.map(({ activity, pending }) => {
      c.seq += 1;
      const stored = clone({ ...activity, id: activity.id ?? activityId(conversationId, c.seq) });
      return { seq: c.seq, activity: stored, pending };
    });
    c.rows.push(...added);
    c.rows = c.rows.filter((r) => r.seq > c.seq - keep);
    c.lastActive = now;
    return added.map((r) => ({ seq: r.seq, activity: clone(r.activity) }));
  }

  async after(conversationId: string, after: number): Promise<ActivityRow[]> {
    return (this.conversations.get(conversationId)?.rows ?? [])
      .filter((r) => r.seq > after)
      .map((r) => ({ seq: r.seq, activity: clone(r.activity) }));
  }

  async replace(conversationId: string, activity: ActivityData): Promise<boolean> {
    const row = this.conversations.get(conversationId)?.rows.find((r) => r.activity.id === activity.id);
    if (!row) return false;
    row.activity = clone({ ...row.activity, ...activity });
    return true;
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    const c = this.conversations.get(conversationId);
    if (c) c.rows = c.rows.filter((r) => r.activity.id !== activityId);
  }

  async settle(conversationId: string, seq: number): Promise<void> {
    const row = this.conversations.get(conversationId)?.rows.find((r) => r.seq === seq);
    if (row) row.pending = false;
  }

  async pending(): Promise<PendingTurn[]> {
    return [...this.conversations.values()]
      .sort((a, b) => (a.conversationId < b.conversationId ? -1 : 1))
      .flatMap((c) =>
        c.rows.filter((r) => r.pending).map((r) => ({ conversationId: c.conversationId, seq: r.seq, activity: clone(r.activity) })),
      );
  }

  async expire(before: number): Promise<number> {
    let n = 0;
    for (const [id, c] of this.conversations)
      if (c.lastActive < before) {
        this.conversations.delete(id);
        n += 1;
      }
    return n;
  }
}

function clone(activity: ActivityData): ActivityData {
  return JSON.parse(JSON.stringify(activity)) as ActivityData;
}
