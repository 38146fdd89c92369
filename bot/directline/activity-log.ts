// Each Direct Line conversation's activities, kept in the bot's Storage so a page reload
// (or another server instance) can resume the chat. Only the last `maxActivities` are kept.
import type { Activity, Storage } from 'botbuilder';
import { isETagConflict } from '../storage/etag.ts';
import { KeyedQueue } from '../state/keyed-queue.ts';

export interface ConversationRecord {
  conversationId: string;
  userId: string;
  createdAt: string;
  /** Sequence number of the newest activity; a watermark is such a number. */
  seq: number;
  /** True once the bot has been told the conversation started. */
  started: boolean;
  activities: StoredActivity[];
}

export interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
}

export interface ActivityPage {
  activities: Partial<Activity>[];
  watermark: string;
}

const KEY_PREFIX = 'directline-conversation/';
const MAX_WRITE_ATTEMPTS = 5;

export class ActivityLog {
  /** Writes of one conversation queue, so appends from one process never overwrite each other. */
  private readonly writes = new KeyedQueue();

  constructor(
    private readonly storage: Storage,
    readonly maxActivities: number,
  ) {}

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const key = KEY_PREFIX + conversationId;
    const items = await this.storage.read([key]);
    const record = items[key] as (ConversationRecord & { eTag?: string }) | undefined;
    return record ? stripETag(record) : undefined;
  }

  /** Creates the record if it does not exist; returns it either way. */
  async ensure(conversationId: string, userId: string): Promise<ConversationRecord> {
    return this.update(
      conversationId,
      (record) => record ?? { conversationId, userId, createdAt: new Date().toISOString(), seq: 0, started: false, activities: [] },
    );
  }

  async markStarted(conversationId: string): Promise<boolean> {
    let first = false;
    await this.update(conversationId, (record) => {
      if (!record) throw new Error(`unknown conversation ${conversationId}`);
      first = !record.started;
      return { ...record, started: true };
    });
    return first;
  }

  /** Appends activities, giving each an id and a sequence number; returns them as stored. */
  async append(conversationId: string, activities: Partial<Activity>[]): Promise<StoredActivity[]> {
    const added: StoredActivity[] = [];
    await this.update(conversationId, (record) => {
      if (!record) throw new Error(`unknown conversation ${conversationId}`);
      added.length = 0; // the change may run again after a write conflict
      let seq = record.seq;
      for (const activity of activities) {
        seq += 1;
        const stored = { seq, activity: { ...activity, id: activity.id ?? `${conversationId}|${String(seq).padStart(7, '0')}` } };
        added.push(stored);
      }
      const all = [...record.activities, ...added];
      return { ...record, seq, activities: all.slice(Math.max(0, all.length - this.maxActivities)) };
    });
    return added;
  }

  /** Replaces an activity by id (the bot's updateActivity); false when it is no longer kept. */
  async replace(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    let found = false;
    await this.update(conversationId, (record) => {
      if (!record) return record;
      found = false;
      const activities = record.activities.map((entry) => {
        if (entry.activity.id !== activity.id) return entry;
        found = true;
        return { seq: entry.seq, activity: { ...entry.activity, ...activity } };
      });
      return { ...record, activities };
    });
    return found;
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    await this.update(
      conversationId,
      (record) => record && { ...record, activities: record.activities.filter((e) => e.activity.id !== activityId) },
    );
  }

  /** Activities after the watermark (all kept ones when there is none). */
  static page(record: ConversationRecord, watermark: string | undefined): ActivityPage {
    const after = parseWatermark(watermark);
    const activities = record.activities.filter((e) => e.seq > after).map((e) => e.activity);
    return { activities, watermark: String(record.seq) };
  }

  private update(
    conversationId: string,
    change: (record: ConversationRecord | undefined) => ConversationRecord | undefined,
  ): Promise<ConversationRecord> {
    return this.writes.run(conversationId, async () => {
      const key = KEY_PREFIX + conversationId;
      // This process serialises its own writes; the eTag guards against other instances.
      for (let attempt = 1; ; attempt += 1) {
        const items = await this.storage.read([key]);
        const stored = items[key] as (ConversationRecord & { eTag?: string }) | undefined;
        const updated = change(stored ? stripETag(stored) : undefined);
        if (!updated) throw new Error(`unknown conversation ${conversationId}`);
        try {
          await this.storage.write({ [key]: { ...updated, eTag: stored?.eTag ?? '*' } });
          return updated;
        } catch (error) {
          if (attempt >= MAX_WRITE_ATTEMPTS || !isETagConflict(error)) throw error;
        }
      }
    });
  }
}

export function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || watermark === '') return 0;
  const n = Number(watermark);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}

function stripETag(record: ConversationRecord & { eTag?: string }): ConversationRecord {
  const { eTag: _eTag, ...rest } = record;
  return rest;
}
