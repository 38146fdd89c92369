// The batch-scoring format of docs/score-format.md, as `roleplay score` writes it:
// one result or one per-line error for every input line, in order; errors name what
// is wrong; findings only of the five flags, each with its span; CSV quoted where a
// cell needs it. Input lines and their errors: test/core/fixtures/score-lines.jsonl.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvHeader, DIMENSIONS, NO_SCENARIOS, scoreBatch, type ScenarioSource } from '../../evaluators/index.ts';
import { loadLibrary, scenarioRules } from '../../scenarios/index.ts';

const fixture = readFileSync(new URL('./fixtures/score-lines.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { line: string; error: string | null });
const library = loadLibrary().scenarios;
const SCENARIOS: ScenarioSource = {
  lookup: (id) => {
    const s = library.get(id);
    return s ? scenarioRules(s) : undefined;
  },
  known: (id) => library.has(id),
};
const numbered = (texts: string[]) => texts.map((t, i) => [i + 1, t] as const);
const jsonl = (texts: string[], scenarios = SCENARIOS) => {
  const { out, bad } = scoreBatch(numbered(texts), scenarios, { format: 'jsonl' });
  return {
    results: out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    bad,
    out,
  };
};

describe('batch scoring format', () => {
  it('answers every line in order: a result, or the line number and what is wrong with it', () => {
    const { results, bad, out } = jsonl(fixture.map((f) => f.line));
    expect(out.endsWith('\n')).toBe(true);
    expect(results).toHaveLength(fixture.length);
    expect(bad).toBe(fixture.filter((f) => f.error !== null).length);
    results.forEach((r, i) => {
      const expected = fixture[i]!;
      if (expected.error === null) {
        expect(r.error, expected.line).toBeUndefined();
        expect(r.id, expected.line).toBe(JSON.parse(expected.line).id);
      } else {
        expect(r.line, expected.line).toBe(i + 1);
        expect(String(r.error), expected.line).toContain(expected.error);
        if (!expected.error.endsWith(': ')) expect(r.error, expected.line).toBe(expected.error);
      }
    });
  });

  it('a result has the five flags and scores, and findings of those five with spans into the reply', () => {
    const reply = '不可能,我保证今天给您修好,您的APN没配置对。';
    const [r] = jsonl([JSON.stringify({ id: 'x', reply, customer: '我手机上不了网,气死了!' })]).results;
    expect(Object.keys(r!.detected as object).sort()).toEqual([...DIMENSIONS].sort());
    expect(Object.keys(r!.scores as object).sort()).toEqual([...DIMENSIONS].sort());
    const findings = r!.findings as { evaluator: string; rule: string; span: [number, number]; message: string; suggestion?: string }[];
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(DIMENSIONS as readonly string[]).toContain(f.evaluator);
      expect(f.span[0]).toBeGreaterThanOrEqual(0);
      expect(f.span[1]).toBeLessThanOrEqual(reply.length);
      expect(f.message.length).toBeGreaterThan(0);
      if ('suggestion' in f) expect(f.suggestion!.length).toBeGreaterThan(0);
    }
    const detected = r!.detected as Record<string, boolean>;
    expect(detected.interrupting && detected.promises && detected.jargon).toBe(true);
    const apn = findings.find((f) => f.evaluator === 'jargon' && reply.slice(f.span[0], f.span[1]) === 'APN');
    expect(apn?.suggestion).toMatch(/\S/);
  });

  it('the extra checks (provoking words, addressing) are not among a result’s findings', () => {
    const reply = '你这人是不是脑子有问题啊,我保证今天修好。';
    const [r] = jsonl([JSON.stringify({ id: 'x', reply })]).results;
    const findings = r!.findings as { evaluator: string }[];
    expect(findings.map((f) => f.evaluator)).toEqual(['promises']);
  });

  it('a scenario given on the line applies its rules; the same reply without it is scored without them', () => {
    const reply = 'The WCDMA side is fine, you can keep your current number.';
    const term = 'That charge is a value-added service.';
    const [withScenario, without, withTerm, withoutTerm] = jsonl([
      JSON.stringify({ id: 1, reply, scenario: '3g-number-migration', locale: 'en' }),
      JSON.stringify({ id: 2, reply, locale: 'en' }),
      JSON.stringify({ id: 3, reply: term, scenario: 'bill-repeat-caller', locale: 'en' }),
      JSON.stringify({ id: 4, reply: term, locale: 'en' }),
    ]).results;
    const rules = (r: Record<string, unknown>) => (r.findings as { rule: string }[]).map((f) => f.rule);
    expect(rules(withScenario!)).toContain('facts-rule-out');
    expect(rules(without!)).not.toContain('facts-rule-out');
    expect(rules(withTerm!)).toContain('scenario-term');
    expect(rules(withoutTerm!)).not.toContain('scenario-term');
  });

  it('without a scenario library, a line naming a scenario is refused as unknown; one naming none is scored', () => {
    const { results, bad } = jsonl(
      [JSON.stringify({ id: 1, reply: '好的。', scenario: 'wrong-change' }), JSON.stringify({ id: 2, reply: '好的。', scenario: '' })],
      NO_SCENARIOS,
    );
    expect(bad).toBe(1);
    expect(results[0]).toEqual({ line: 1, error: 'unknown scenario "wrong-change"' });
    expect(results[1]!.id).toBe(2);
  });

  it('interrupted and history reach the evaluators', () => {
    const [cut, heard] = jsonl([
      JSON.stringify({ id: 1, reply: '好的。', interrupted: true }),
      JSON.stringify({ id: 2, reply: '您说的APN是什么情况?', history: [{ role: 'customer', text: '我改了APN就上不了网' }] }),
    ]).results;
    expect((cut!.detected as Record<string, boolean>).interrupting).toBe(true);
    expect((heard!.detected as Record<string, boolean>).jargon).toBe(false);
    expect((heard!.detected as Record<string, boolean>).interrupting).toBe(false);
  });

  it('CSV: a header, one row per line, errors in the last column, cells with commas or quotes quoted', () => {
    const { out, bad } = scoreBatch(numbered([JSON.stringify({ id: 'a,"b"', reply: '我保证今天修好。' }), '{"id":"x"}']), SCENARIOS, {
      format: 'csv',
    });
    expect(bad).toBe(1);
    const header = csvHeader().split(',');
    expect(header).toEqual(['line', 'id', ...DIMENSIONS, ...DIMENSIONS.map((d) => `score_${d}`), 'findings', 'error']);
    const [row, error] = out.trimEnd().split('\n');
    expect(row!.startsWith('1,"a,""b""",')).toBe(true);
    expect(row).toMatch(/promises\/absolute-guarantee@0-3/);
    expect(row!.endsWith(',')).toBe(true);
    const empty = Array(DIMENSIONS.length * 2 + 2)
      .fill('')
      .join(',');
    expect(error).toBe(`2,${empty},"missing ""reply"""`);
    // A plain cell is not quoted; several findings are joined by "; "; flags and scores are in the dimensions' order.
    const { out: plain } = scoreBatch(numbered([JSON.stringify({ id: 'plain', reply: '不可能,我保证今天修好。' })]), SCENARIOS, {
      format: 'csv',
    });
    const cells = plain.trimEnd().split(',');
    expect(cells.slice(0, 2)).toEqual(['1', 'plain']);
    expect(cells.slice(2, 7)).toEqual(['true', 'false', 'false', 'true', 'false']);
    expect(cells.slice(7, 12).map(Number)).toEqual([30, 40, 100, 50, 20]);
    expect(cells[12]).toBe('interrupting/flat-denial@0-3; promises/absolute-guarantee@4-7');
  });

  it('the identity baseline echoes each line as parsed JSON and scores nothing; timings are per line', () => {
    const { out, bad, timings } = scoreBatch(numbered(['{ "id": 1, "reply": "我保证" }', 'oops']), NO_SCENARIOS, {
      format: 'jsonl',
      identity: true,
      timings: true,
    });
    expect(bad).toBe(0);
    const [first, second] = out.trimEnd().split('\n');
    expect(first).toBe('{"id":1,"reply":"我保证"}');
    expect(JSON.parse(second!)).toMatchObject({ line: 2 });
    expect(JSON.parse(second!).error).toMatch(/^not valid JSON: /);
    expect(timings).toHaveLength(2);
    // Each line's time is part of the call's: between 0 and the time of the whole call.
    const before = performance.now();
    const timed = scoreBatch(numbered(['{"id":1,"reply":"好的"}', '{"id":2,"reply":"ok"}']), NO_SCENARIOS, {
      format: 'jsonl',
      timings: true,
    });
    const whole = performance.now() - before;
    for (const t of timed.timings!) {
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(whole);
    }
    expect(scoreBatch(numbered(['{}']), NO_SCENARIOS, { format: 'jsonl' }).timings).toBeUndefined();
  });
});
