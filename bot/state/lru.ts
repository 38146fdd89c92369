// A bounded map that drops the entry used least recently. The bot's caches are keyed by
// what requests carry (a service URL, a conversation id), so they must not grow with them.
export class Lru<V> {
  private readonly items = new Map<string, V>();
  constructor(private readonly size: number) {}

  /** The value, which becomes the most recently used; undefined when absent. */
  get(key: string): V | undefined {
    const value = this.items.get(key);
    if (value !== undefined) {
      this.items.delete(key);
      this.items.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.size <= 0) return;
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.size) this.items.delete(this.items.keys().next().value as string);
  }

  /** Removes the entry and returns it. */
  take(key: string): V | undefined {
    const value = this.items.get(key);
    this.items.delete(key);
    return value;
  }

  /** Removes the entry only if it is still `value`. */
  forget(key: string, value: V): void {
    if (this.items.get(key) === value) this.items.delete(key);
  }
}
