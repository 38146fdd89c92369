// What a corpus gets wrong today, listed in a text file under test/known-misses/: a rate
// gate (F1 ≥ 0.9, 90 % of the sessions…) does not see one more case going wrong, this
// list does. The suite fails when a case that was right goes wrong, and when a listed
// case comes right (take it off the list, so that it cannot quietly go wrong again).
//
// `WRITE_KNOWN_MISSES=1 npx vitest run <test>` rewrites a list from the run instead of
// checking it; review that diff as you would a rule change. A new batch's cases that
// are wrong on arrival go on the list once its figures are in docs/testing.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const KNOWN_MISSES_DIR = fileURLToPath(new URL('../known-misses/', import.meta.url));

export const writingKnownMisses = (): boolean => process.env.WRITE_KNOWN_MISSES === '1';

/** The lines of a list: one case a line, `<group> <case…>`; `#` starts a comment line. */
function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const inGroup = (group: string) => (line: string) => line.startsWith(`${group} `);
// A case is one line of the list, however its text is spaced.
const lineOf = (group: string, key: string) => `${group} ${key}`.replace(/\s+/g, ' ').trim();

export interface Ratchet {
  /** Cases wrong now that the list says were right. */
  newMisses: string[];
  /** Listed cases that are right now. */
  nowRight: string[];
}

export class KnownMisses {
  readonly file: string;
  private readonly lines: ReadonlySet<string>;

  /** `name` is the list's file name under test/known-misses/, e.g. `flags.txt`. */
  constructor(name: string, dir = KNOWN_MISSES_DIR) {
    this.file = dir + name;
    this.lines = new Set(readLines(this.file));
  }

  /** Whether `key` (group and case, as `check` builds it) is on the list. */
  has(group: string, key: string): boolean {
    return this.lines.has(lineOf(group, key));
  }

  /**
   * Compares what `group` got wrong with the list. `complete` is false when the run
   * stopped early: listed cases it never reached are not reported as right.
   */
  check(group: string, missed: readonly string[], complete = true): Ratchet {
    const now = new Set(missed.map((m) => lineOf(group, m)));
    const listed = [...this.lines].filter(inGroup(group));
    if (writingKnownMisses()) {
      this.write(group, [...now]);
      return { newMisses: [], nowRight: [] };
    }
    return {
      newMisses: [...now].filter((m) => !listed.includes(m)),
      nowRight: complete ? listed.filter((m) => !now.has(m)) : [],
    };
  }

  private write(group: string, lines: string[]): void {
    const kept = readLines(this.file).filter((l) => !inGroup(group)(l));
    const header = `# What the suite gets wrong today; see test/support/known-misses.ts.\n`;
    writeFileSync(this.file, header + [...kept, ...lines].sort().join('\n') + '\n');
  }
}

/** The two ways a list can fail, in words a developer can act on. */
export function ratchetMessage(list: KnownMisses, r: Ratchet): string {
  const parts: string[] = [];
  if (r.newMisses.length) parts.push(`right before, wrong now (a regression):\n  ${r.newMisses.join('\n  ')}`);
  if (r.nowRight.length) parts.push(`right now, still listed in ${list.file} (take them off):\n  ${r.nowRight.join('\n  ')}`);
  return parts.join('\n');
}
