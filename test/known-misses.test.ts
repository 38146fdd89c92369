// The lists of what a corpus gets wrong today fail the suite both ways: a case that was
// right going wrong, and a listed case coming right.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnownMisses, ratchetMessage } from './support/known-misses.ts';

/** Runs `test` against a list holding `text`, in a folder removed afterwards. */
function withList(text: string, test: (list: () => KnownMisses, dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'known-misses-')) + '/';
  writeFileSync(dir + 'x.txt', text);
  try {
    test(() => new KnownMisses('x.txt', dir), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('known misses', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reports a case wrong now that the list says was right, and a listed case right now', () => {
    withList('# comment\nquestions q-1\nquestions q-2\nsessions s-1\n', (list) => {
      const r = list().check('questions', ['q-2', 'q-3']);
      expect(r).toEqual({ newMisses: ['questions q-3'], nowRight: ['questions q-1'] });
      expect(ratchetMessage(list(), r)).toMatch(/regression[\s\S]*questions q-3[\s\S]*take them off[\s\S]*questions q-1/);
      expect(list().check('sessions', ['s-1'])).toEqual({ newMisses: [], nowRight: [] });
    });
  });

  it('does not call a listed case right when the run stopped before reaching it', () => {
    withList('questions q-1\n', (list) => {
      expect(list().check('questions', ['q-9'], false)).toEqual({ newMisses: ['questions q-9'], nowRight: [] });
    });
  });

  it('keeps a case with line breaks or doubled spaces on one line of the list', () => {
    withList('', (list) => {
      vi.stubEnv('WRITE_KNOWN_MISSES', '1');
      list().check('corpus en', ['jargon a.yaml Two\nlines,  spaced']);
      vi.unstubAllEnvs();
      expect(list().has('corpus en', 'jargon a.yaml Two lines, spaced')).toBe(true);
      expect(list().check('corpus en', ['jargon a.yaml Two\nlines,  spaced'])).toEqual({ newMisses: [], nowRight: [] });
    });
  });

  it('rewrites only its own group when asked to write the list', () => {
    withList('questions q-1\nsessions s-1\n', (list, dir) => {
      vi.stubEnv('WRITE_KNOWN_MISSES', '1');
      expect(list().check('questions', ['q-5'])).toEqual({ newMisses: [], nowRight: [] });
      const lines = readFileSync(dir + 'x.txt', 'utf8').split('\n');
      expect(lines).toContain('questions q-5');
      expect(lines).toContain('sessions s-1');
      expect(lines).not.toContain('questions q-1');
    });
  });
});
