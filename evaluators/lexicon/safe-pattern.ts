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
  const stack: { quantified: boolean }[] = [];
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
      stack.push({ quantified: false });
      continue;
    }
    const next = source[i + 1];
    const isQuantifier = (c: string | undefined) => c === '*' || c === '+' || c === '{';
    if (ch === ')') {
      const group = stack.pop();
      if (!group) return 'has an unbalanced parenthesis';
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
