// The clause a finding sits in, for showing a credited step in the trainee's own words: the
// matched words alone ("I'll do", "块您收好") do not read as what the trainee said.
import type { Finding } from '../types.ts';
import { CLAUSE_MARKS } from '../engine/prepare.ts';

/** Whether the character at `i` ends a clause: one of the rules' clause marks, or a full stop before a space or the end (not 4.50). */
function endsClause(text: string, i: number): boolean {
  const ch = text[i]!;
  return CLAUSE_MARKS.includes(ch) || (ch === '.' && (i === text.length - 1 || /\s/.test(text[i + 1]!)));
}

/** Where the clause of `text` that holds [start, end) begins and ends, spaces at either end left out. */
function clauseSpan(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !endsClause(text, from - 1)) from--;
  let to = Math.max(end, start);
  while (to < text.length && !endsClause(text, to)) to++;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return from < to ? [from, to] : [start, end];
}

/** The clause of `text` that holds [start, end): from the punctuation before it to the punctuation after. */
export function clauseAround(text: string, start: number, end: number): string {
  const [from, to] = clauseSpan(text, start, end);
  return text.slice(from, to);
}

/** `text` in at most `max` characters, cut with an ellipsis; a cut inside an English word moves back to the space before it. */
export function shortQuote(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/\w/.test(text[cut - 1]!) && /\w/.test(text[cut]!)) {
    const space = text.lastIndexOf(' ', cut);
    if (space > max / 2) cut = space;
  }
  return `${text.slice(0, cut).trimEnd()}…`;
}

/**
 * The words to quote for a finding: a credited step's whole clause, a fault's own words; at most `max`
 * characters, and always holding the matched words: a clause too long to show whole is quoted from them
 * ("…I'm sorry it's taken four calls"), not cut off before them.
 */
export function findingQuote(reply: string, finding: Pick<Finding, 'polarity' | 'span' | 'text'>, max = 40): string {
  if (finding.polarity !== 'good') return shortQuote(finding.text, max);
  const [from, to] = clauseSpan(reply, finding.span[0], finding.span[1]);
  // The clause from its start while the matched words end inside the limit; else from the words on.
  if (finding.span[1] - from <= max - 1) return shortQuote(reply.slice(from, to), max);
  return `…${shortQuote(reply.slice(finding.span[0], to), max - 1)}`;
}
