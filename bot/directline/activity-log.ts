// Each Direct Line conversation's activities, kept in the database (one row each) so a page
// reload, a restart or another server instance can resume the chat. Only the last
// `maxActivities` are kept.
import type { Activity } from 'botbuilder';
import type { ActivityData, ConversationRow, DirectLineStore } from '../storage/directline-store.ts';

export type { ConversationRow } from '../storage/directline-store.ts';

export interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
}

export interface ActivityPage {
  activities: Partial<Activity>[];
  watermark: string;
}

export class ActivityLog {
  constructor(
    private readonly store: DirectLineStore,
    readonly maxActivities: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(conversationId: string): Promise<ConversationRow | undefined> {
    return this.store.conversation(conversationId);
  }

  /** Creates the conversation if it does not exist; returns it either way. */
  ensure(conversationId: string, userId: string): Promise<ConversationRow> {
    return this.store.ensure(conversationId, userId, this.now());
  }

  markStarted(conversationId: string): Promise<boolean> {
    return this.store.markStarted(conversationId);
  }

  /**
   * Appends activities, giving each an id and a sequence number; returns them as stored.
   * `pending` marks a trainee's message whose turn is still to be answered.
   */
  async append(conversationId: string, activities: Partial<Activity>[], pending = false): Promise<StoredActivity[]> {
    const rows = await this.store.append(
      conversationId,
      activities.map((activity) => ({ activity: toData(activity), pending })),
      this.now(),
      this.maxActivities,
    );
    return rows.map((row) => ({ seq: row.seq, activity: row.activity as Partial<Activity> }));
  }

  settle(conversationId: string, seq: number): Promise<void> {
    return this.store.settle(conversationId, seq);
  }

  /** Replaces an activity by id (the bot's updateActivity); false when it is no longer kept. */
  replace(conversationId: string, activity: Partial<Activity>): Promise<boolean> {
    return this.store.replace(conversationId, toData(activity));
  }

  remove(conversationId: string, activityId: string): Promise<void> {
    return this.store.remove(conversationId, activityId);
  }

  /** Activities after the watermark (all kept ones when there is none). */
  async page(conversationId: string, watermark: string | undefined): Promise<ActivityPage> {
    const record = await this.store.conversation(conversationId);
    const rows = await this.store.after(conversationId, parseWatermark(watermark));
    const last = Math.max(record?.seq ?? 0, rows.at(-1)?.seq ?? 0);
    return { activities: rows.map((r) => r.activity as Partial<Activity>), watermark: String(last) };
  }
}

/** Activities are stored as their JSON (dates as ISO text), as the wire carries them. */
function toData(activity: Partial<Activity>): ActivityData {
  return JSON.parse(JSON.stringify(activity)) as ActivityData;
}

export function parseWatermark(watermark: string | undefined): number {
  if (watermark === undefined || watermark === '') return 0;
  const n = Number(watermark);
  return Number.isSafeInteger(n) && n >= 0 ? n : 0;
}
