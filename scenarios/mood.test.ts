// Mood that makes sense: polite questions never escalate a customer, repeated insults
// always do, and a customer who keeps hearing nothing useful never repeats a line
// verbatim while other variants remain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadLibrary, replyToSession, startSession, type SessionStateJson } from './index.ts';

const { scenarios } = loadLibrary();
const POLITE = {
  'zh-CN': [
    '请问您贵姓？',
    '您方便说一下是什么时候的事吗？',
    '您今天是从家里过来的吗？',
    '请问您还记得大概是几点吗？',
    '您平时喜欢看电影吗？',
    '麻烦问一下，您是做什么工作的？',
  ],
  en: [
    'May I ask your name?',
    'When did this happen, if you do not mind me asking?',
    'Did you come straight from home today?',
    'Do you remember roughly what time it was?',
    'Do you like going to the movies?',
    'What do you do for a living, may I ask?',
  ],
} as const;
const INSULTS = {
  'zh-CN': ['你有病吧', '素质真差', '神经病，少废话', '你算老几'],
  en: ['Are you an idiot?', 'Shut up, you fool.', 'What is wrong with you, you moron?', 'Get lost.'],
} as const;
const lineTexts = (lines: { parts: { text: string }[] }[]) => lines.map((l) => l.parts.map((p) => p.text).join(''));

describe('mood', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`polite questions never escalate any customer (${locale})`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...scenarios.keys()),
          fc.array(fc.constantFrom(...POLITE[locale]), { minLength: 1, maxLength: 14 }),
          (id, replies) => {
            const scenario = scenarios.get(id)!;
            let session: SessionStateJson = startSession(scenario, { locale, seed: 3, now: 0 }).session;
            replies.forEach((reply, i) => {
              if (!session.ended) session = replyToSession(scenario, session, reply, (i + 1) * 60_000).session;
            });
            expect(session.ended?.outcome).not.toBe('escalated');
          },
        ),
        { numRuns: 60, seed: 7 },
      );
    });

    it(`repeated insults always escalate, worded by the cause (${locale})`, () => {
      for (const scenario of scenarios.values()) {
        let session: SessionStateJson = startSession(scenario, { locale, seed: 5, now: 0 }).session;
        let last: string[] = [];
        for (let i = 0; i < 4 && !session.ended; i++) {
          const result = replyToSession(scenario, session, INSULTS[locale][i]!, (i + 1) * 60_000);
          session = result.session;
          last = result.output.lines.map((l) => l.ref);
        }
        expect(session.ended?.outcome, scenario.id).toBe('escalated');
        if (scenario.endings.escalated.causes?.insulted) expect(last).toContain('escalated:insulted');
      }
    });

    it(`a customer hearing nothing useful does not repeat a line while variants remain (${locale})`, () => {
      for (const scenario of scenarios.values()) {
        let session: SessionStateJson = startSession(scenario, { locale, seed: 11, now: 0 }).session;
        const said: string[] = [];
        for (let i = 0; i < 5 && !session.ended; i++) {
          const result = replyToSession(scenario, session, locale === 'en' ? 'Okay.' : '嗯。', (i + 1) * 60_000);
          session = result.session;
          said.push(...lineTexts(result.output.lines.filter((l) => l.kind === 'state' && l.ref === scenario.start)));
        }
        const state = scenario.states.find((s) => s.id === scenario.start)!;
        const distinct = Math.min(said.length, (state.again ?? state.lines).length);
        expect(new Set(said.slice(0, distinct)).size, scenario.id).toBe(distinct);
        for (let i = 1; i < said.length; i++) expect(said[i], scenario.id).not.toBe(said[i - 1]);
      }
    });
  }
});
