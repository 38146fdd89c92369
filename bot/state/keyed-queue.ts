// The one per-conversation queue: tasks of one key run one after another, tasks of
// different keys independently. The bot's turns, the Direct Line endpoint's turns and
// the activity log's writes all queue here.

interface Lane {
  /** A task holds the lane until it finishes or gives its place up (release). */
  held: boolean;
  waiting: (() => void)[];
  /** Tasks queued or running. */
  pending: number;
  running: Set<Promise<unknown>>;
}

export class KeyedQueue {
  private readonly lanes = new Map<string, Lane>();

  /**
   * Runs `task` once every earlier task of `key` has finished or released its place. A task
   * may call `release` to let the next one start while it carries on (a turn that pauses
   * between paced lines). A task that fails does not hold up the ones after it.
   */
  run<T>(key: string, task: (release: () => void) => Promise<T>): Promise<T> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { held: false, waiting: [], pending: 0, running: new Set() };
      this.lanes.set(key, lane);
    }
    const l = lane;
    l.pending += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = l.waiting.shift();
      if (next) next();
      else l.held = false;
    };
    const acquired = new Promise<void>((resolve) => {
      if (!l.held) {
        l.held = true;
        resolve();
      } else l.waiting.push(resolve);
    });
    const result = acquired
      .then(() => task(release))
      .finally(() => {
        release();
        l.pending -= 1;
        l.running.delete(result);
        // Forget an idle lane, so the map does not grow with every conversation ever seen.
        if (l.pending === 0 && this.lanes.get(key) === l) this.lanes.delete(key);
      });
    l.running.add(result);
    return result;
  }

  /** Tasks of `key` queued or running. */
  pending(key: string): number {
    return this.lanes.get(key)?.pending ?? 0;
  }

  /** Resolves once no task of any key is queued or running (failures included). */
  async idle(): Promise<void> {
    while (this.lanes.size > 0)
      await Promise.all([...this.lanes.values()].flatMap((l) => [...l.running].map((p) => p.catch(() => undefined))));
  }
}
