// The small engine that applies lexicon entries to a prepared reply.
import type { EvaluatorId, Finding, Polarity } from '../types.ts';
import type { LexiconEntry } from '../lexicon/load.ts';
import { loadLexicons, lowerCaseHaystack } from '../lexicon/load.ts';
import { isQuoted, type PreparedReply } from './prepare.ts';
import { eachMatch } from '../text/matches.ts';
import { candidateEntries } from '../analysis/needle-index.ts';

export interface Match {
  entry: LexiconEntry;
  /** [start, end) in the prepared (simplified) text. */
  start: number;
  end: number;
  text: string;
}

export function entriesFor(reply: PreparedReply, evaluator: EvaluatorId): LexiconEntry[] {
  return loadLexicons().get(reply.locale)?.get(evaluator) ?? [];
}

/**
 * All non-overlapping matches of the entries, earliest first, longer first at
 * the same place; quoted text (the customer's own words repeated) is skipped.
 */
export function findMatches(reply: PreparedReply, entries: LexiconEntry[]): Match[] {
  // Several rules read the same lists (problem solving reads the promises list for offers): match once per reply.
  const hit = reply.scratch.matches.get(entries);
  if (hit) return hit;
  const kept = matchEntries(reply, entries);
  reply.scratch.matches.set(entries, kept);
  return kept;
}

/**
 * The reply as the entries' literal prefilter sees it: lower-cased for English.
 * Undefined when the text has a character that Unicode case-insensitive matching
 * folds onto ASCII (ſ → s, K → k) while toLowerCase does not: such replies skip
 * the prefilter and run every expression.
 */
function haystack(reply: PreparedReply): string | undefined {
  let h = reply.scratch.haystack;
  // Stryker disable next-line ConditionalExpression: reading it again, or never, finds the same matches (never: every expression runs), only slower.
  if (h === undefined) {
    h = reply.locale !== 'en' ? reply.text : (lowerCaseHaystack(reply.text) ?? null);
    reply.scratch.haystack = h;
  }
  return h ?? undefined;
}

function matchEntries(reply: PreparedReply, entries: LexiconEntry[]): Match[] {
  const found: Match[] = [];
  const hay = haystack(reply);
  const lower = reply.locale === 'en' ? hay : undefined;
  // Only the entries whose needles the reply holds can match (all of them where the prefilter cannot be used).
  // Stryker disable next-line ConditionalExpression: running every entry finds the same matches, only slower.
  for (const entry of hay === undefined ? entries : candidateEntries(entries, hay)) {
    // English runs the lower-case expression on the lower-cased reply where it can (same offsets, no `i` flag).
    const fast = lower !== undefined && entry.lowerRegex !== undefined;
    const text = fast ? lower : reply.text;
    // exec on the entry's own expression, as String#matchAll does on a copy of it (the copy is the expensive part).
    const re = fast ? entry.lowerRegex! : entry.regex;
    eachMatch(re, text, (start, end) => {
      if (!isQuoted(reply, start, end)) found.push({ entry, start, end, text: reply.text.slice(start, end) });
    });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of found) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

export function toFinding(
  reply: PreparedReply,
  match: Pick<Match, 'start' | 'end'> & { entry: Pick<LexiconEntry, 'rule' | 'note' | 'suggestion'> },
  evaluator: EvaluatorId,
  polarity: Polarity,
  message?: string,
): Finding {
  const start = reply.toOriginal(match.start);
  const end = Math.max(start, reply.toOriginal(match.end));
  return {
    evaluator,
    rule: match.entry.rule,
    span: [start, end],
    text: reply.original.slice(start, end),
    polarity,
    message: message ?? match.entry.note,
    suggestion: match.entry.suggestion,
  };
}
