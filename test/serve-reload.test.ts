// A trainer edits a scenario while the server runs: the change is served at once; an edit with
// an error is refused with file:line in the log and the last good version keeps serving.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as core from '../scenarios/index.ts';
import { LEXICON_DIR } from '../evaluators/index.ts';
import { loadLexicons, reloadLexicons } from '../evaluators/lexicon/load.ts';
import { watchTrainingFiles, type Watching } from '../bot/host/reload.ts';
import type { EnginePort, ScenarioInfo } from '../bot/conversation/engine-port.ts';

const opened: Watching[] = [];
afterEach(() => opened.splice(0).forEach((w) => w.close()));

function recorder() {
  const lines: { event: string; fields: Record<string, unknown> }[] = [];
  const log = (event: string, fields: Record<string, unknown> = {}) => lines.push({ event, fields });
  return { lines, logger: { info: log, warn: log, error: log, debug: log } };
}

function engineOver(library: string): EnginePort {
  return {
    scenarios: new Map<string, ScenarioInfo>(core.loadLibrary(library, { fresh: true }).scenarios),
    startSession: core.startSession as EnginePort['startSession'],
    replyToSession: core.replyToSession as EnginePort['replyToSession'],
    endSession: core.endSession as EnginePort['endSession'],
    hint: core.hint as EnginePort['hint'],
    scoreCard: core.scoreCard as EnginePort['scoreCard'],
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('roleplay serve reloads edited training files', () => {
  it('serves an edited scenario at once, and keeps the last good one when an edit is broken', async () => {
    const library = mkdtempSync(join(tmpdir(), 'library-'));
    cpSync(join(core.LIBRARY_DIR, 'wrong-change.yaml'), join(library, 'wrong-change.yaml'));
    const engine = engineOver(library);
    const { lines, logger } = recorder();
    opened.push(watchTrainingFiles(engine, logger, { library, folders: [library] }));
    const file = join(library, 'wrong-change.yaml');
    const original = readFileSync(file, 'utf8');

    writeFileSync(file, original.replace('title: {zh-CN: 找错零钱,', 'title: {zh-CN: 找错零钱（新版）,'));
    await until(() => engine.scenarios.get('wrong-change')?.title['zh-CN'] === '找错零钱（新版）');
    expect(engine.scenarios.get('wrong-change')?.title['zh-CN']).toBe('找错零钱（新版）');

    const broken = original
      .replace('title: {zh-CN: 找错零钱,', 'title: {zh-CN: 坏掉的版本,')
      .replace('difficulty: easy', 'difficulty: trivial');
    writeFileSync(file, broken);
    await until(() => lines.some((l) => l.event === 'scenarios.reload_refused'));
    const refused = lines.find((l) => l.event === 'scenarios.reload_refused');
    const line = broken.split('\n').findIndex((l) => l.includes('difficulty: trivial')) + 1;
    expect(String(refused?.fields.at)).toMatch(new RegExp(`wrong-change\\.yaml:${line}:\\d+$`));
    expect(refused?.fields.field).toBe('difficulty');
    // The last good version keeps serving, and a session can still be played on it.
    const served = engine.scenarios.get('wrong-change');
    expect(served?.title['zh-CN']).toBe('找错零钱（新版）');
    expect(engine.startSession(served!, { locale: 'zh-CN', seed: 1, now: 0 }).output.lines.length).toBeGreaterThan(0);
  });

  it('refuses a lexicon edit with a problem (file:line) and keeps the previous lexicons', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lexicons-'));
    cpSync(LEXICON_DIR, dir, { recursive: true });
    expect(reloadLexicons(dir).problems).toEqual([]);
    const good = loadLexicons(dir);
    const file = join(dir, 'en', 'jargon.yaml');
    const text = readFileSync(file, 'utf8');
    // The same entry twice: the loader refuses duplicates.
    const firstEntry = /\n {2}- id: [\s\S]*?(?=\n {2}- id: )/.exec(text)?.[0] ?? '';
    expect(firstEntry).not.toBe('');
    writeFileSync(file, text + firstEntry + '\n');
    const reload = reloadLexicons(dir);
    expect(reload.problems.join('\n')).toMatch(/jargon\.yaml/);
    reload.restore();
    expect(loadLexicons(dir)).toBe(good);
  });
});
