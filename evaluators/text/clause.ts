// The clause a finding sits in, for showing a credited step in the trainee's own words: the
// matched words alone ("I'll do", "块您收好") do not read as what the trainee said.
import type { Finding } from '../types.ts';

const CLAUSE_MARK = /[,，。！？!?;；\n]/;

/** The clause of `text` that holds [start, end): from the punctuation before it to the punctuation after. */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !CLAUSE_MARK.test(text[from - 1]!)) from--;
  let to = Math.max(end, start);
  while (to < text.length && !CLAUSE_MARK.test(text[to]!)) to++;
  return text.slice(from, to).trim() || text.slice(start, end);
}

/** The words to quote for a finding: a credited step's whole clause, a fault's own words; at most `max` characters. */
export function findingQuote(reply: string, finding: Pick<Finding, 'polarity' | 'span' | 'text'>, max = 40): string {
  const quote = finding.polarity === 'good' ? clauseAround(reply, finding.span[0], finding.span[1]) : finding.text;
  return quote.length > max ? `${quote.slice(0, max - 1)}…` : quote;
}
