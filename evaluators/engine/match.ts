// The small engine that applies lexicon entries to a prepared reply.
import type { EvaluatorId, Finding, Polarity } from '../types.ts';
import type { LexiconEntry } from '../lexicon/load.ts';
import { loadLexicons } from '../lexicon/load.ts';
import { isQuoted, type PreparedReply } from './prepare.ts';

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
  let perReply = memo.get(reply);
  if (!perReply) memo.set(reply, (perReply = new Map()));
  const hit = perReply.get(entries);
  if (hit) return hit;
  const kept = matchEntries(reply, entries);
  perReply.set(entries, kept);
  return kept;
}

const memo = new WeakMap<PreparedReply, Map<LexiconEntry[], Match[]>>();

function matchEntries(reply: PreparedReply, entries: LexiconEntry[]): Match[] {
  const found: Match[] = [];
  for (const entry of entries) {
    entry.regex.lastIndex = 0;
    for (const m of reply.text.matchAll(entry.regex)) {
      if (!m[0]) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (isQuoted(reply, start, end)) continue;
      found.push({ entry, start, end, text: m[0] });
    }
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
