// The bot's conversation and user state for one turn: both items read with one storage
// call, changed in place, and what changed written back with one storage call.
//
// It replaces botbuilder's ConversationState/UserState for three reasons:
// - Change detection. BotState hashes the whole state (its own cycle-safe stringify,
//   then SHA-256) on load, before saving and after saving; under load that was a tenth of
//   a turn's CPU. Native JSON.stringify, compared once at save, finds the same changes.
// - Concurrency. BotState.saveChanges sets the item's eTag to '*', so a write never
//   fails on a stale read: two server instances on one database would silently drop one
//   another's turns. Here the eTag that was read goes back with the write, the store
//   refuses a stale one, and the bot re-runs the turn on fresh state.
// - Round trips: two reads and two writes per turn become one of each; on the
//   embedded store, which one server owns, the items it saved last are kept in memory, so a
//   conversation's next turn reads nothing.
//
// Keys and item shapes are botbuilder's (`<channel>/conversations/<id>/`,
// `<channel>/users/<id>/`, one property per name), so existing databases carry on.
import type { Storage, StoreItem, TurnContext } from 'botbuilder';
import { storedText, withTextToWrite } from '../storage/stored-text.ts';
import { Lru } from './lru.ts';

interface Slot {
  key: string;
  item: StoreItem;
  /** The item as last read or written, without its eTag: a save writes only what differs. */
  saved: string;
}

interface Loaded {
  conversation: Slot;
  user: Slot;
}

const LOADED = Symbol('roleplay.turn-state');

export function conversationKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  if (!channelId) throw new Error('missing activity.channelId');
  if (!conversation?.id) throw new Error('missing activity.conversation.id');
  return `${channelId}/conversations/${conversation.id}/`;
}

export function userKey(context: TurnContext): string {
  const { channelId, from } = context.activity;
  if (!channelId) throw new Error('missing activity.channelId');
  if (!from?.id) throw new Error('missing activity.from.id');
  return `${channelId}/users/${from.id}/`;
}

function snapshot(item: StoreItem): string {
  const { eTag: _eTag, ...data } = item;
  return JSON.stringify(data);
}

export interface TurnStateOptions {
  /** Items kept in the process between turns (default 0: read every turn from the store). */
  cacheSize?: number;
}

export class TurnState {
  /**
   * Items as this process last saved them. A turn takes its items out (so a turn that fails
   * half-way leaves nothing half-changed behind) and puts them back once they are saved.
   * Only stores that hand back the new eTag take part. Meant for a store this process alone
   * writes: another writer makes the cached eTag stale, which a turn that writes finds out
   * (the store refuses it and the re-run reads fresh), but a turn that changes nothing
   * would answer from the stale copy.
   */
  private readonly cache: Lru<Slot>;

  constructor(
    private readonly storage: Storage,
    options: TurnStateOptions = {},
  ) {
    this.cache = new Lru(options.cacheSize ?? 0);
  }

  /** Reads both items, unless this turn already has them and `fresh` is not asked for. */
  async load(context: TurnContext, fresh = false): Promise<void> {
    if (!fresh && context.turnState.get(LOADED)) return;
    const keys = [conversationKey(context), userKey(context)];
    const slots = new Map<string, Slot>();
    for (const key of keys) {
      const cached = this.cache.take(key);
      if (cached && !fresh) slots.set(key, cached);
    }
    const missing = keys.filter((key) => !slots.has(key));
    if (missing.length) {
      const items = await this.storage.read(missing);
      for (const key of missing) {
        const item: StoreItem = (items[key] as StoreItem | undefined) ?? {};
        slots.set(key, { key, item, saved: storedText(item) ?? snapshot(item) });
      }
    }
    const loaded: Loaded = { conversation: slots.get(keys[0]!)!, user: slots.get(keys[1]!)! };
    context.turnState.set(LOADED, loaded);
  }

  /** The named property of the conversation's item, created from `initial` when absent. */
  conversation<T extends object>(context: TurnContext, name: string, initial: () => T): T {
    return property(this.loaded(context).conversation.item, name, initial);
  }

  /** The named property of the trainee's own item (shared by all their conversations). */
  user<T extends object>(context: TurnContext, name: string, initial: () => T): T {
    return property(this.loaded(context).user.item, name, initial);
  }

  /**
   * Writes the items that changed since they were read, in one storage call. A store that
   * sees a newer eTag than the one read refuses the whole write (ETagConflictError).
   */
  async save(context: TurnContext): Promise<void> {
    const loaded = context.turnState.get(LOADED) as Loaded | undefined;
    if (!loaded) return;
    const slots = [loaded.conversation, loaded.user];
    const changed: [Slot, string][] = [];
    for (const slot of slots) {
      const now = snapshot(slot.item);
      if (now !== slot.saved) changed.push([slot, now]);
    }
    let current = true;
    if (changed.length) {
      const copies = changed.map(([slot, now]) => withTextToWrite(slot.item, now));
      await this.storage.write(Object.fromEntries(changed.map(([slot], i) => [slot.key, copies[i]!])));
      // The SQL stores set the new eTag on what they wrote; botbuilder's MemoryStorage keeps it to
      // itself, and its items cannot be reused.
      current = changed.every(([slot], i) => copies[i]!.eTag !== undefined && copies[i]!.eTag !== slot.item.eTag);
      for (const [i, [slot, now]] of changed.entries()) {
        slot.item.eTag = copies[i]!.eTag;
        slot.saved = now;
      }
    }
    if (current) for (const slot of slots) this.cache.set(slot.key, slot);
  }

  private loaded(context: TurnContext): Loaded {
    const loaded = context.turnState.get(LOADED) as Loaded | undefined;
    if (!loaded) throw new Error('TurnState: load() was not called in this turn');
    return loaded;
  }
}

function property<T extends object>(item: StoreItem, name: string, initial: () => T): T {
  if (!Object.prototype.hasOwnProperty.call(item, name)) item[name] = initial();
  return item[name] as T;
}
