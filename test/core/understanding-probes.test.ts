// Replies once understood wrongly in play, kept as data (understanding-probes.yaml): each
// must now be understood as a trainer expects, through the engine and the score card.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary, replyToSession, scoreCard, sessionOutcome, startSession, type SessionStateJson } from '../../scenarios/index.ts';
import type { InputLocale } from '../../evaluators/index.ts';

interface Probe {
  scenario: string;
  locale: InputLocale;
  state?: string;
  replies: string[];
  expect?: { answer?: string; acts?: string[]; notActs?: string[]; angerUp?: boolean; met?: string; state?: string };
  ending?: string;
  cause?: string;
}

const { probes } = parse(readFileSync(new URL('./understanding-probes.yaml', import.meta.url), 'utf8')) as { probes: Probe[] };
const { scenarios } = loadLibrary();

describe('replies once misunderstood', () => {
  for (const probe of probes) {
    it(`${probe.scenario} ${probe.locale}: ${probe.replies.join(' / ')}`, () => {
      const scenario = scenarios.get(probe.scenario)!;
      expect(scenario, probe.scenario).toBeDefined();
      const started = startSession(scenario, { locale: probe.locale, seed: 1, now: 0 }).session;
      let session: SessionStateJson = probe.state ? { ...started, state: probe.state } : started;
      let last: ReturnType<typeof replyToSession> | undefined;
      probe.replies.forEach((reply, i) => {
        if (session.ended) return;
        last = replyToSession(scenario, session, reply, (i + 1) * 60_000);
        session = last.session;
      });
      const u = last!.understanding!;
      const acts = new Set(u.clauses.flatMap((c) => c.acts));
      const e = probe.expect ?? {};
      // `none`: the reply asks the customer nothing she answers.
      if (e.answer) expect(u.question?.fact ?? u.question?.kind ?? 'none', 'question answered').toBe(e.answer);
      for (const act of e.acts ?? []) expect([...acts], 'acts').toContain(act);
      for (const act of e.notActs ?? []) expect([...acts], 'acts').not.toContain(act);
      if (e.angerUp === false) expect(u.anger[1], 'anger after').toBeLessThanOrEqual(u.anger[0]);
      if (e.met) expect(scoreCard(scenario, session).keyMoments?.find((k) => k.id === e.met)?.met, e.met).toBe(true);
      if (e.state) expect(session.state, 'state after the last reply').toBe(e.state);
      if (probe.ending) expect(sessionOutcome(session) ?? 'open', 'ending').toBe(probe.ending);
      if (probe.cause) expect(u.ending?.cause, 'cause of the ending').toBe(probe.cause);
    });
  }
});
