// The jargon rule's reading of capital-letter abbreviations in English replies, case
// by case from fixtures/english-abbreviations.yaml: which words are flagged, with which
// rule, and each only once.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateReply } from '../../evaluators/index.ts';

const cases = parse(readFileSync(new URL('./fixtures/english-abbreviations.yaml', import.meta.url), 'utf8')) as {
  reply: string;
  customer?: string;
  flags: string[];
}[];

describe('English abbreviations', () => {
  it.each(cases)('$reply', ({ reply, customer, flags }) => {
    const findings = evaluateReply(reply, { locale: 'en', customer: customer ?? 'My internet is down.' }).findings;
    const jargon = findings.filter((f) => f.evaluator === 'jargon');
    expect(jargon.map((f) => `${f.rule} ${f.text}`)).toEqual(flags);
    for (const f of jargon) expect(reply.slice(f.span[0], f.span[1])).toBe(f.text);
  });
});
