// The clause a finding sits in, for showing a credited step in the trainee's own words: the
// matched words alone ("I'll do", "块您收好") do not read as what the trainee said.
import type { Finding } from '../types.ts';
import { CLAUSE_MARKS } from '../engine/prepare.ts';

/** Whether the character at `i` ends a clause: one of the rules' clause marks, or a full stop before a space or the end (not 4.50). */
function endsClause(text: string, i: number): boolean {
  const ch = text[i]!;
  return CLAUSE_MARKS.includes(ch) || (ch === '.' && (i === text.length - 1 || /\s/.test(text[i + 1]!)));
}

/** The clause of `text` that holds [start, end): from the punctuation before it to the punctuation after. */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !endsClause(text, from - 1)) from--;
  let to = Math.max(end, start);
  while (to < text.length && !endsClause(text, to)) to++;
  return text.slice(from, to).trim() || text.slice(start, end);
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

/** The words to quote for a finding: a credited step's whole clause, a fault's own words; at most `max` characters. */
export function findingQuote(reply: string, finding: Pick<Finding, 'polarity' | 'span' | 'text'>, max = 40): string {
  const quote = finding.polarity === 'good' ? clauseAround(reply, finding.span[0], finding.span[1]) : finding.text;
  return shortQuote(quote, max);
}
