// The customer understands natural replies: the corpora under test/understanding/ are
// written independently of the rules (see docs/testing.md); these gates keep CI honest.
import { describe, expect, it } from 'vitest';
import {
  askQuestion,
  playSession,
  readCorpus,
  routeParaphrase,
  tally,
  type Base,
  type NaturalSession,
  type Outcome,
  type Paraphrase,
  type QuestionProbe,
} from './harness.ts';
import { KnownMisses, ratchetMessage, writingKnownMisses } from '../support/known-misses.ts';

const rate = (t: { passed: number; total: number }) => t.passed / t.total;
const failures = (list: { item: { id: string }; got: string }[]) => list.map((f) => `${f.item.id}: ${f.got}`).slice(0, 20);

// What each corpus gets wrong today (test/known-misses/understanding.txt, one group per corpus).
const known = new KnownMisses('understanding.txt');
// A run stops at this many regressions: enough to see what broke, without playing the rest.
const REGRESSIONS_SHOWN = 5;

/** Plays a corpus, stopping early once it has shown enough regressions, and checks it against the list. */
function played<T extends Base>(kind: 'paraphrases' | 'sessions' | 'questions', run: (item: T) => Outcome) {
  let regressions = 0;
  const stopAt = ({ item }: { item: T }) => !writingKnownMisses() && !known.has(kind, item.id) && ++regressions >= REGRESSIONS_SHOWN;
  const result = tally(readCorpus<T>(kind), run, stopAt);
  const ratchet = known.check(
    kind,
    result.failures.map((f) => f.item.id),
    result.complete,
  );
  const got = new Map(result.failures.map((f) => [`${kind} ${f.item.id}`, f.got]));
  const message = ratchetMessage(known, {
    newMisses: ratchet.newMisses.map((m) => `${m}: ${got.get(m) ?? ''}`),
    nowRight: ratchet.nowRight,
  });
  return { result, ratchet, message };
}

// Each test plays a whole corpus, which grows with every batch: the timeout only guards against a hang
// (speed is measured in the benchmarks, not here).
describe('understanding corpora', { timeout: 600_000 }, () => {
  it('routes at least 90% of the paraphrases of each expected move to where a trainer expects, every one it routed before', () => {
    const { result, ratchet, message } = played<Paraphrase>('paraphrases', routeParaphrase);
    expect(ratchet, message).toEqual({ newMisses: [], nowRight: [] });
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('ends at least 90% of the natural sessions as a trainer expects, every one it ended so before, and no poor session resolves', () => {
    const { result, ratchet, message } = played<NaturalSession>('sessions', playSession);
    expect(ratchet, message).toEqual({ newMisses: [], nowRight: [] });
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.9);
    const poorResolved = result.failures.filter((f) => f.item.expect === 'not-resolved');
    expect(failures(poorResolved)).toEqual([]);
  });

  it('answers at least 80% of the question probes in character, staying in the same state, every one it answered before', () => {
    const { result, ratchet, message } = played<QuestionProbe>('questions', askQuestion);
    expect(ratchet, message).toEqual({ newMisses: [], nowRight: [] });
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.8);
  });
});
