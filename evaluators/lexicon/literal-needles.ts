// The literal text a pattern cannot match without: a set of strings one of which
// every match contains. A reply that holds none of them is not run through the
// pattern at all (match.ts). Where the pattern gives no such guarantee, there is
// no set, and the pattern always runs.

/** One of these strings is in every match; undefined when nothing is certain. */
type Needles = string[] | undefined;

interface Parsed {
  needles: Needles;
  end: number;
}

/** Characters that stand for themselves after a backslash (all others are classes, anchors or codes). */
const LITERAL_ESCAPE = /[^A-Za-z0-9]/;

/**
 * Needles for a regular expression source (the safe subset the loader accepts), or undefined.
 * Sound by construction: a part that is optional, repeated from zero, a class, a lookaround or
 * anything not understood gives no needle, so it never rules out a text the pattern matches.
 */
export function patternNeedles(source: string): Needles {
  try {
    const parsed = alternation(source, 0);
    return parsed.end === source.length ? parsed.needles : undefined;
  } catch {
    return undefined;
  }
}

/** Alternatives up to a closing parenthesis or the end: each must give needles, and any of them may occur. */
function alternation(source: string, start: number): Parsed {
  const all: string[] = [];
  let certain = true;
  let at = start;
  for (;;) {
    const branch = sequence(source, at);
    if (branch.needles) all.push(...branch.needles);
    else certain = false;
    at = branch.end;
    if (source[at] !== '|') break;
    at++;
  }
  return { needles: certain ? minimal(all) : undefined, end: at };
}

/** One alternative: literal runs and required groups, of which the most selective set is kept. */
function sequence(source: string, start: number): Parsed {
  const candidates: string[][] = [];
  let run = '';
  const endRun = () => {
    if (run) candidates.push([run]);
    run = '';
  };
  let at = start;
  while (at < source.length && source[at] !== '|' && source[at] !== ')') {
    const atom = nextAtom(source, at);
    const quantifier = quantifierAt(source, atom.end);
    const required = quantifier.min > 0;
    if (atom.literal !== undefined && required && !quantifier.repeats) run += atom.literal;
    else {
      endRun();
      if (required && atom.literal !== undefined) run = atom.literal;
      if (required && atom.needles) candidates.push(atom.needles);
      if (quantifier.repeats) endRun();
    }
    at = quantifier.end;
  }
  endRun();
  return { needles: best(candidates), end: at };
}

interface Atom {
  /** The character this atom matches exactly, if it is one. */
  literal?: string;
  /** For a group: the needles it guarantees. */
  needles?: Needles;
  end: number;
}

function nextAtom(source: string, at: number): Atom {
  const ch = source[at]!;
  if (ch === '\\') {
    const next = source[at + 1];
    if (next === undefined) throw new Error('trailing backslash');
    if (LITERAL_ESCAPE.test(next)) return { literal: next, end: at + 2 };
    // \p{…} / \P{…} / \u{…}: skip the braces; \uXXXX and \xXX: skip the digits.
    if ((next === 'p' || next === 'P' || next === 'u') && source[at + 2] === '{') return { end: source.indexOf('}', at) + 1 };
    if (next === 'u') return { end: at + 6 };
    if (next === 'x') return { end: at + 4 };
    if (next === 'c') return { end: at + 3 };
    return { end: at + 2 };
  }
  if (ch === '[') {
    let i = at + 1;
    if (source[i] === '^') i++;
    if (source[i] === ']') i++;
    for (; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    if (i >= source.length) throw new Error('unclosed class');
    return { end: i + 1 };
  }
  if (ch === '(') {
    let inner = at + 1;
    let zeroWidth = false;
    if (source[inner] === '?') {
      const kind = source.slice(inner, inner + 3);
      if (kind.startsWith('?:')) inner += 2;
      else if (kind.startsWith('?=') || kind.startsWith('?!')) [inner, zeroWidth] = [inner + 2, true];
      else if (kind === '?<=' || kind === '?<!') [inner, zeroWidth] = [inner + 3, true];
      else if (kind.startsWith('?<')) inner = source.indexOf('>', inner) + 1;
      else throw new Error('unknown group');
    }
    const parsed = alternation(source, inner);
    if (source[parsed.end] !== ')') throw new Error('unclosed group');
    return { needles: zeroWidth ? undefined : parsed.needles, end: parsed.end + 1 };
  }
  if (ch === '.' || ch === '^' || ch === '$') return { end: at + 1 };
  if ('*+?{'.includes(ch)) throw new Error('quantifier without an atom');
  return { literal: ch, end: at + 1 };
}

/** The quantifier after an atom: how often it must occur at least, and whether it may repeat. */
function quantifierAt(source: string, at: number): { min: number; repeats: boolean; end: number } {
  const ch = source[at];
  let q: { min: number; repeats: boolean; end: number };
  if (ch === '?') q = { min: 0, repeats: false, end: at + 1 };
  else if (ch === '*') q = { min: 0, repeats: true, end: at + 1 };
  else if (ch === '+') q = { min: 1, repeats: true, end: at + 1 };
  else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(at))) {
    const m = /^\{(\d+)(,?)(\d*)\}/.exec(source.slice(at))!;
    const min = Number(m[1]);
    q = { min, repeats: m[2] === ',' ? m[3] === '' || Number(m[3]) > 1 : min > 1, end: at + m[0].length };
  } else return { min: 1, repeats: false, end: at };
  // A lazy quantifier (+?, *?, {1,6}?) requires the same.
  if (source[q.end] === '?') q.end++;
  return q;
}

/** The most selective of the candidate sets: the longest shortest needle, then the fewest needles. */
function best(candidates: string[][]): Needles {
  let chosen: string[] | undefined;
  const score = (set: string[]) => Math.min(...set.map((n) => n.length));
  for (const set of candidates)
    if (!chosen || score(set) > score(chosen) || (score(set) === score(chosen) && set.length < chosen.length)) chosen = set;
  return chosen ? minimal(chosen) : undefined;
}

/** Drops needles that contain another one (when the shorter is there, the longer need not be). */
function minimal(needles: string[]): string[] {
  const unique = [...new Set(needles)].sort((a, b) => a.length - b.length);
  return unique.filter((n, i) => !unique.slice(0, i).some((shorter) => n.includes(shorter)));
}
