// The lists of what a corpus gets wrong today fail the suite both ways: a case that was
// right going wrong, and a listed case coming right.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnownMisses, ratchetMessage } from './support/known-misses.ts';

function listIn(text: string): { dir: string; list: () => KnownMisses } {
  const dir = mkdtempSync(join(tmpdir(), 'known-misses-')) + '/';
  writeFileSync(dir + 'x.txt', text);
  return { dir, list: () => new KnownMisses('x.txt', dir) };
}

describe('known misses', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reports a case wrong now that the list says was right, and a listed case right now', () => {
    const { dir, list } = listIn('# comment\nquestions q-1\nquestions q-2\nsessions s-1\n');
    try {
      const r = list().check('questions', ['q-2', 'q-3']);
      expect(r).toEqual({ newMisses: ['questions q-3'], nowRight: ['questions q-1'] });
      expect(ratchetMessage(list(), r)).toMatch(/regression[\s\S]*questions q-3[\s\S]*take them off[\s\S]*questions q-1/);
      expect(list().check('sessions', ['s-1'])).toEqual({ newMisses: [], nowRight: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not call a listed case right when the run stopped before reaching it', () => {
    const { dir, list } = listIn('questions q-1\n');
    try {
      expect(list().check('questions', ['q-9'], false)).toEqual({ newMisses: ['questions q-9'], nowRight: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a case with line breaks or doubled spaces on one line of the list', () => {
    const { dir, list } = listIn('');
    try {
      vi.stubEnv('WRITE_KNOWN_MISSES', '1');
      list().check('corpus en', ['jargon a.yaml Two\nlines,  spaced']);
      vi.unstubAllEnvs();
      expect(list().has('corpus en', 'jargon a.yaml Two lines, spaced')).toBe(true);
      expect(list().check('corpus en', ['jargon a.yaml Two\nlines,  spaced'])).toEqual({ newMisses: [], nowRight: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rewrites only its own group when asked to write the list', () => {
    const { dir, list } = listIn('questions q-1\nsessions s-1\n');
    try {
      vi.stubEnv('WRITE_KNOWN_MISSES', '1');
      expect(list().check('questions', ['q-5'])).toEqual({ newMisses: [], nowRight: [] });
      const lines = readFileSync(dir + 'x.txt', 'utf8').split('\n');
      expect(lines).toContain('questions q-5');
      expect(lines).toContain('sessions s-1');
      expect(lines).not.toContain('questions q-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
