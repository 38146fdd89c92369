// Patterns come from data files that trainers edit, so a pattern must not be
// able to hang the process. JavaScript's regex engine backtracks; the classic
// catastrophic shapes are a quantified group containing a quantifier
// ((a+)+, (a|aa)*, (.*a){12}) and back-references. We accept a safe subset.

const MAX_LENGTH = 2000;

/** Returns why the pattern is unsafe, or undefined when it is acceptable. */
export function unsafePatternReason(source: string): string | undefined {
  if (source.length > MAX_LENGTH) return `longer than ${MAX_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(source)) return 'uses a back-reference';
  // Walk the groups: a group that contains a quantifier and is itself quantified.
  const stack: { quantified: boolean; alternatives: boolean; start: number }[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      // Skip a character class.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (ch === '(') {
      stack.push({ quantified: false, alternatives: false, start: i + 1 });
      continue;
    }
    if (ch === '|' && stack.length) {
      stack[stack.length - 1]!.alternatives = true;
      continue;
    }
    const next = source[i + 1];
    const isQuantifier = (c: string | undefined) => c === '*' || c === '+' || c === '{';
    if (ch === ')') {
      const group = stack.pop();
      if (!group) return 'has an unbalanced parenthesis';
      // (a|a)*b, (a|aa)*$: alternatives that can split the same text in several ways, repeated
      // without bound, backtrack exponentially. Plain words none of which starts another split
      // text one way only ((?:现在|马上|就)*), so only those are accepted under such a repeat.
      const unbounded = next === '*' || next === '+' || (next === '{' && /^\{\d*,\}/.test(source.slice(i + 1)));
      if (group.alternatives && unbounded && !isPrefixFreeWords(source.slice(group.start, i))) {
        return 'repeats alternatives that can match the same text, without bound (exponential backtracking)';
      }
      if (group.quantified && (isQuantifier(next) || next === '?')) {
        if (isQuantifier(next)) return 'repeats a group that itself repeats (nested quantifier)';
      }
      if (group.quantified && stack.length) stack[stack.length - 1]!.quantified = true;
      continue;
    }
    if (isQuantifier(ch) && stack.length) {
      // {0,6} style bounded repeats of a single class are fine unless the group repeats too.
      stack[stack.length - 1]!.quantified = true;
    }
  }
  if (stack.length) return 'has an unbalanced parenthesis';
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  return undefined;
}

/** True for a group body of plain words (after an optional ?:) where no word starts another. */
function isPrefixFreeWords(body: string): boolean {
  const words = body.replace(/^\?:/, '').split('|');
  if (words.some((w) => w === '' || /[\\^$.?*+()[\]{}]/.test(w))) return false;
  return words.every((w, i) => words.every((other, j) => i === j || !other.startsWith(w)));
}
