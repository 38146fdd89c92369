// Every place a data file's expression matches a text. Patterns come from trainers' files, and
// one that can match nothing (a lookbehind alone, an optional group) must neither hang the loop
// nor name a place: an empty match is stepped past, a whole character at a time.

/** Calls `visit` with the bounds of each non-empty match of the global expression `re` in `text`, in order; `re` is left at index 0, as the last failed search leaves it. */
export function eachMatch(re: RegExp, text: string, visit: (start: number, end: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0]) visit(m.index, m.index + m[0].length);
    else re.lastIndex = advance(text, re.lastIndex);
  }
}

/** The index after the character at `index`: a surrogate pair is one character. */
function advance(text: string, index: number): number {
  if (index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
