// Which concepts of a set, or entries of a lexicon list, can occur in a text, in one
// pass over it: every item's needles (literal runs its expression cannot match
// without) go into one automaton (Aho–Corasick), built once per set or list. An item
// with no needles is always a candidate. Must give exactly the items some of whose
// needles the text contains, as testing each needle with includes() would.
import type { Concept, ConceptSet } from './concepts.ts';

/** Anything with the literal runs its expression cannot match without. */
export interface Needled {
  needles?: readonly string[];
}

interface NeedleIndex<T extends Needled> {
  items: T[];
  /** Per node, the next node for a UTF-16 code unit (a needle is found where includes() finds it, surrogate halves alike). */
  next: Map<number, number>[];
  fail: number[];
  /** Per node, the items (indexes) whose needle ends here or at a suffix of it. */
  out: number[][];
  /** Items that always run. */
  always: number[];
}

function build<T extends Needled>(items: T[]): NeedleIndex<T> {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const always: number[] = [];
  items.forEach((item, index) => {
    // An empty needle is in every text: the item always runs, as includes('') says.
    if (!item.needles || item.needles.includes('')) {
      always.push(index);
      return;
    }
    for (const needle of item.needles) {
      let node = 0;
      for (let i = 0; i < needle.length; i++) {
        const ch = needle.charCodeAt(i);
        let to = next[node]!.get(ch);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          own.push([]);
          next[node]!.set(ch, to);
        }
        node = to;
      }
      if (!own[node]!.includes(index)) own[node]!.push(index);
    }
  });
  // Breadth first: each node's failure link is the longest proper suffix that is also a path.
  const fail = new Array<number>(next.length).fill(0);
  const out: number[][] = own.map((o) => [...o]);
  const queue: number[] = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [ch, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(ch)) f = fail[f]!;
      // A failure link is a shorter path than its node's, so never the child itself.
      fail[child] = next[f]!.get(ch) ?? 0;
      for (const c of out[fail[child]!]!) if (!out[child]!.includes(c)) out[child]!.push(c);
      queue.push(child);
    }
  }
  return { items, next, fail, out, always };
}

const indexes = new WeakMap<object, NeedleIndex<Needled>>();

/** The index of the items `key` stands for, built on first use. */
function indexOf<T extends Needled>(key: object, items: () => T[]): NeedleIndex<T> {
  let index = indexes.get(key) as NeedleIndex<T> | undefined;
  if (!index) indexes.set(key, (index = build(items())));
  return index;
}

/** The concepts of `set` that may match `text` (in the set's order). */
export function candidateConcepts(set: ConceptSet, text: string): Concept[] {
  return candidates(
    indexOf(set, () => [...set.values()]),
    text,
  );
}

/** The entries of a lexicon list that may match `text` (in the list's order); the list must not change once asked about. */
export function candidateEntries<T extends Needled>(entries: readonly T[], text: string): T[] {
  return candidates(
    indexOf(entries, () => [...entries]),
    text,
  );
}

function candidates<T extends Needled>(index: NeedleIndex<T>, text: string): T[] {
  const found = new Uint8Array(index.items.length);
  for (const i of index.always) found[i] = 1;
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    let to = index.next[node]!.get(ch);
    while (to === undefined && node !== 0) {
      node = index.fail[node]!;
      to = index.next[node]!.get(ch);
    }
    node = to ?? 0;
    for (const c of index.out[node]!) found[c] = 1;
  }
  return index.items.filter((_, i) => found[i] === 1);
}
