// Lexicon fixture folders as the loader tests read them: a fresh copy for each test (loads are
// cached per folder for the life of the process, so a copy is read as the test runs, never served
// from an earlier load), the problems with paths relative to the copy, and the entry ids kept.
import { cpSync } from 'node:fs';
import type { loadLexicons } from '../../evaluators/lexicon/load.ts';
import { tempDirs, type TempDirs } from './temp-dirs.ts';

/** Fresh copies of fixture folders; `removeAll` in the test file's afterAll. */
export function fixtureCopies(prefix: string): TempDirs & { copyOf: (dir: string) => string } {
  const dirs = tempDirs(prefix);
  return {
    ...dirs,
    copyOf(dir: string): string {
      const copy = dirs.make();
      cpSync(dir, copy, { recursive: true });
      return copy;
    },
  };
}

/** The problems as a trainer reads them, with paths relative to `dir`. */
export const relative = (dir: string, problems: string[]): string[] => problems.map((p) => p.split(`${dir}/`).join(''));

/** The ids of the entries a load kept, per locale and evaluator. */
export const kept = (lexicons: ReturnType<typeof loadLexicons>): Record<string, Record<string, string[]>> =>
  Object.fromEntries(
    [...lexicons].map(([locale, lexicon]) => [
      locale,
      Object.fromEntries([...lexicon].map(([ev, entries]) => [ev, entries.map((e) => e.id)])),
    ]),
  );
