// Every ✗/✓ example on the evaluator docs pages (docs/evaluators/<id>.md,
// fenced `examples` blocks) is run: the docs cannot drift from the behaviour.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { evaluateReply } from '../evaluators/index.ts';
import { DIMENSIONS, type InputLocale } from '../evaluators/types.ts';
import { GOOD_FLAGS } from './support/corpus.ts';
import { scenarioRulesLookup } from '../cli/score/scenario-rules.ts';

const DOCS = fileURLToPath(new URL('../docs/evaluators/', import.meta.url));

interface Example {
  verdict: '✗' | '✓';
  reply: string;
  customer?: string;
  locale?: InputLocale;
  scenario?: string;
  interrupted?: boolean;
}

function examplesOf(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/```examples\n([\s\S]*?)```/g)];
  return blocks.flatMap((b) => parse(b[1]!) as Example[]);
}

describe('evaluator docs examples', async () => {
  const { lookup } = await scenarioRulesLookup();
  for (const dimension of DIMENSIONS) {
    const examples = examplesOf(readFileSync(`${DOCS}${dimension}.md`, 'utf8'));
    it(`${dimension}.md has ✗ and ✓ examples`, () => {
      expect(examples.some((e) => e.verdict === '✗')).toBe(true);
      expect(examples.some((e) => e.verdict === '✓')).toBe(true);
    });
    for (const e of examples) {
      it(`${dimension} ${e.verdict} ${e.reply}`, () => {
        const result = evaluateReply(e.reply, {
          locale: e.locale ?? 'zh-CN',
          customer: e.customer,
          interrupted: e.interrupted,
          scenario: e.scenario ? lookup(e.scenario) : undefined,
        });
        const didRight = e.verdict === '✓';
        const expected = GOOD_FLAGS.has(dimension) ? didRight : !didRight;
        expect(result.detected[dimension], JSON.stringify(result.findings.map((f) => `${f.evaluator}/${f.rule} ${f.text}`))).toBe(expected);
      });
    }
  }
});
