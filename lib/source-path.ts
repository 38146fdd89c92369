// The file a trainer edits, for a path the program reached it by. The compiled copy in
// dist/<hash>/ reaches data files through symbolic links to the sources; messages, watchers
// and reloads name the source file, never the link.
import { realpathSync } from 'node:fs';

export function sourcePath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there (yet): the caller reports that with the path it was given
  }
}
