// Items read from the SQL stores carry the text they were stored as, out of sight of
// JSON and of botbuilder (a symbol-keyed, non-enumerable property). The bot's turn state
// compares against it to tell whether an item changed, instead of serialising the item
// once more right after the store parsed it. The other way, the turn state hands the
// store the text it has just serialised for that comparison, on a copy made for the
// write, so the store does not serialise the item a second time.
const STORED_TEXT = Symbol('roleplay.stored-text');
/** Separate from STORED_TEXT: an item read and then changed in place must never be written as it was read. */
const TEXT_TO_WRITE = Symbol('roleplay.text-to-write');

export function withStoredText<T extends object>(item: T, text: string): T {
  Object.defineProperty(item, STORED_TEXT, { value: text, enumerable: false });
  return item;
}

/** The item's data as stored (without its eTag), when it came from a SQL store. */
export function storedText(item: object): string | undefined {
  const text: unknown = (item as Record<symbol, unknown>)[STORED_TEXT];
  return typeof text === 'string' ? text : undefined;
}

/** A copy of `item` for one write, carrying its serialised data (without the eTag). */
export function withTextToWrite<T extends object>(item: T, text: string): T {
  return Object.defineProperty({ ...item }, TEXT_TO_WRITE, { value: text, enumerable: false });
}

export function textToWrite(item: object): string | undefined {
  const text: unknown = (item as Record<symbol, unknown>)[TEXT_TO_WRITE];
  return typeof text === 'string' ? text : undefined;
}
