// The Direct Line way into the bot: a small BotAdapter whose outgoing activities land in
// the conversation's activity log (and live WebSockets) instead of a Bot Connector service.
import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';

export const CHANNEL_ID = 'directline';
export const BOT_ACCOUNT = { id: 'roleplay-bot', name: 'Customer', role: 'bot' } as const;

const PAUSE_KEY = Symbol('directline.pause');

/** Longest pause honoured from a `delay` activity, so a bad value cannot stall a conversation. */
const MAX_DELAY_MS = 15_000;

export interface OutgoingSink {
  /** Stores (or for typing, only broadcasts) the bot's activities; returns their ids. */
  deliver(conversationId: string, activities: Partial<Activity>[]): Promise<string[]>;
  update(conversationId: string, activity: Partial<Activity>): Promise<void>;
  remove(conversationId: string, activityId: string): Promise<void>;
}

export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly sink: OutgoingSink,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    super();
  }

  /** Runs one incoming activity through the middleware and the bot; `onPause` is called at its first pacing pause. */
  async process(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, onPause?: () => void): Promise<void> {
    const context = new TurnContext(this, activity);
    if (onPause) context.turnState.set(PAUSE_KEY, onPause);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) throw new Error('sendActivities without a conversation id');
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = typeof activity.value === 'number' ? activity.value : 1000;
        (context.turnState.get(PAUSE_KEY) as (() => void) | undefined)?.();
        await this.sleep(Math.min(Math.max(0, ms), MAX_DELAY_MS));
        responses.push({ id: '' });
        continue;
      }
      // An invoke response has no meaning without an HTTP request waiting for it.
      if (activity.type === 'invokeResponse') {
        responses.push({ id: '' });
        continue;
      }
      const outgoing: Partial<Activity> = {
        ...activity,
        channelId: CHANNEL_ID,
        conversation: { ...context.activity.conversation, ...activity.conversation, id: conversationId } as Activity['conversation'],
        from: { ...BOT_ACCOUNT, ...activity.from, role: 'bot' },
        recipient: activity.recipient ?? context.activity.from,
        timestamp: new Date(),
        replyToId: activity.replyToId ?? context.activity.id,
        serviceUrl: context.activity.serviceUrl,
      };
      const [id] = await this.sink.deliver(conversationId, [outgoing]);
      responses.push({ id: id ?? '' });
    }
    return responses;
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !activity.id) return;
    await this.sink.update(conversationId, activity);
    return { id: activity.id };
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !reference.activityId) return;
    await this.sink.remove(conversationId, reference.activityId);
  }

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: 'event', name: 'continueConversation' }, reference, true);
    await this.process(activity, logic);
  }
}
