// A dispute exported for the corpora must paste as is: the YAML case loads with the corpus
// loader under the right side, and the JSONL line loads with the flag-corpus loader.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../test/support/corpus.ts';
import { loadFlagCorpus } from '../../test/support/flag-corpus.ts';
import { dispute, turnRecord } from '../storage/testing/fixtures.ts';
import { disputeFixture, disputeFlagLine } from './export.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dispute-export-'));
  dirs.push(dir);
  return dir;
}

describe('dispute export', () => {
  const reply = '请提供SKU编号,我帮您查库存。';
  const turn = turnRecord('s1', 2, reply, 'SKU');
  const disputed = { ...dispute('s1', 2, 'SKU', reply, 'SKU is on the receipt'), status: 'open' as const };

  it('is a valid corpus case under `valid:` with the scenario and boolean `also` flags', () => {
    const yaml = disputeFixture(disputed, turn, { locale: 'zh-CN', scenarioId: 'wrong-change' });
    expect(yaml).toContain('test/corpus/jargon/zh-CN.yaml');
    const root = tempDir();
    mkdirSync(join(root, 'jargon'));
    writeFileSync(join(root, 'jargon', 'zh-CN.yaml'), yaml);
    const [c, ...rest] = loadCorpus(root);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      evaluator: 'jargon',
      locale: 'zh-CN',
      side: 'valid',
      reply,
      customer: turn.customer,
      scenario: 'wrong-change',
    });
    expect(c?.labels).toEqual({ jargon: false, interrupting: false, empathy: false, promises: false, problemSolving: false });
    expect(c?.description).toContain('SKU is on the receipt');
  });

  it('is also one line of the flag corpus with all five expected flags', () => {
    const line = disputeFlagLine(disputed, turn, { locale: 'zh-CN', scenarioId: 'wrong-change' }) ?? '';
    expect(line).not.toContain('\n');
    const root = tempDir();
    writeFileSync(join(root, 'zh-CN.jsonl'), `${line}\n`);
    const [c] = loadFlagCorpus(root);
    expect(c).toMatchObject({
      locale: 'zh-CN',
      scenario: 'wrong-change',
      reply,
      expect: { interrupting: false, empathy: false, jargon: false, promises: false, problemSolving: false },
    });
  });

  it('puts a disputed "missing empathy" under `valid:` of the empathy file, labelled as shown', () => {
    const missing = {
      ...disputed,
      finding: { evaluator: 'empathy' as const, rule: 'missing', span: [0, reply.length] as [number, number], text: reply },
    };
    const root = tempDir();
    mkdirSync(join(root, 'empathy'));
    writeFileSync(join(root, 'empathy', 'en.yaml'), disputeFixture(missing, turn, { locale: 'en' }));
    const [c] = loadCorpus(root);
    expect(c).toMatchObject({ evaluator: 'empathy', side: 'valid', labels: { empathy: true, jargon: true } });
  });
});

describe('csvField', () => {
  it('neutralises every cell a spreadsheet could read as a formula', async () => {
    const { csvField } = await import('./export.ts');
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '＋1', '－1', '＠x'])
      expect(csvField(text).replace(/^"/, ''), JSON.stringify(text)).toMatch(/^'/);
    expect(csvField('您好')).toBe('您好');
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(81)).toBe('81');
  });
});
