// The customer understands natural replies: the corpora under test/understanding/ are
// written independently of the rules (see docs/testing.md); these gates keep CI honest.
import { describe, expect, it } from 'vitest';
import {
  askQuestion,
  playSession,
  readCorpus,
  routeParaphrase,
  tally,
  type NaturalSession,
  type Paraphrase,
  type QuestionProbe,
} from './harness.ts';

const rate = (t: { passed: number; total: number }) => t.passed / t.total;
const failures = (list: { item: { id: string }; got: string }[]) => list.map((f) => `${f.item.id}: ${f.got}`).slice(0, 20);

// Each test plays a whole corpus, which grows with every batch: the timeout only guards against a hang
// (speed is measured in the benchmarks, not here).
describe('understanding corpora', { timeout: 600_000 }, () => {
  it('routes at least 90% of the paraphrases of each expected move to where a trainer expects', () => {
    const result = tally(readCorpus<Paraphrase>('paraphrases'), routeParaphrase);
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('ends at least 90% of the natural sessions as a trainer expects, and no poor session resolves', () => {
    const sessions = readCorpus<NaturalSession>('sessions');
    const result = tally(sessions, playSession);
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.9);
    const poorResolved = result.failures.filter((f) => f.item.expect === 'not-resolved');
    expect(failures(poorResolved)).toEqual([]);
  });

  it('answers at least 80% of the question probes in character, staying in the same state', () => {
    const result = tally(readCorpus<QuestionProbe>('questions'), askQuestion);
    expect(result.all.total).toBeGreaterThan(0);
    expect(rate(result.all), failures(result.failures).join('\n')).toBeGreaterThanOrEqual(0.8);
  });
});
