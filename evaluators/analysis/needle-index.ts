// Which concepts of a set can occur in a text, in one pass over it: every concept's
// needles (literal runs its expression cannot match without) go into one automaton
// (Aho–Corasick), built once per concept set. A concept with no needles (it has
// patterns) is always a candidate. Must give exactly the concepts whose needles
// some of which the text contains, as testing each needle with includes() would.
import type { Concept, ConceptSet } from './concepts.ts';

interface NeedleIndex {
  concepts: Concept[];
  /** Per node, the next node for a character. */
  next: Map<string, number>[];
  fail: number[];
  /** Per node, the concepts (indexes) whose needle ends here or at a suffix of it. */
  out: number[][];
  /** Concepts that always run. */
  always: number[];
}

function build(set: ConceptSet): NeedleIndex {
  const concepts = [...set.values()];
  const next: Map<string, number>[] = [new Map()];
  const own: number[][] = [[]];
  const always: number[] = [];
  concepts.forEach((concept, index) => {
    if (!concept.needles) {
      always.push(index);
      return;
    }
    for (const needle of concept.needles) {
      let node = 0;
      for (const ch of needle) {
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
      const target = next[f]!.get(ch);
      fail[child] = target !== undefined && target !== child ? target : 0;
      for (const c of out[fail[child]!]!) if (!out[child]!.includes(c)) out[child]!.push(c);
      queue.push(child);
    }
  }
  return { concepts, next, fail, out, always };
}

const indexes = new WeakMap<ConceptSet, NeedleIndex>();

/** The concepts of `set` that may match `text` (in the set's order). */
export function candidateConcepts(set: ConceptSet, text: string): Concept[] {
  let index = indexes.get(set);
  if (!index) indexes.set(set, (index = build(set)));
  const found = new Uint8Array(index.concepts.length);
  for (const i of index.always) found[i] = 1;
  let node = 0;
  for (const ch of text) {
    let to = index.next[node]!.get(ch);
    while (to === undefined && node !== 0) {
      node = index.fail[node]!;
      to = index.next[node]!.get(ch);
    }
    node = to ?? 0;
    for (const c of index.out[node]!) found[c] = 1;
  }
  return index.concepts.filter((_, i) => found[i] === 1);
}
