// Items read from the SQL stores carry the text they were stored as, out of sight of
// JSON and of botbuilder (a symbol-keyed, non-enumerable property). The bot's turn state
// compares against it to tell whether an item changed, instead of serialising the item
// once more right after the store parsed it.
const STORED_TEXT = Symbol('roleplay.stored-text');

export function withStoredText<T extends object>(item: T, text: string): T {
  Object.defineProperty(item, STORED_TEXT, { value: text, enumerable: false });
  return item;
}

/** The item's data as stored (without its eTag), when it came from a SQL store. */
export function storedText(item: object): string | undefined {
  const text: unknown = (item as Record<symbol, unknown>)[STORED_TEXT];
  return typeof text === 'string' ? text : undefined;
}
