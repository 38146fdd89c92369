// Temporary folders a test makes as it goes and removes together in its afterEach.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDirs {
  /** A new empty folder under the system's temp folder. */
  make: () => string;
  /** Removes every folder made so far. */
  removeAll: () => void;
}

export function tempDirs(prefix: string): TempDirs {
  const dirs: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    removeAll() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
