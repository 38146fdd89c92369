// The transcript fixtures: one trainee script per file, `<scenario>.<locale>.<good|bad>.yaml`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface Transcript {
  scenario: string;
  locale: 'zh-CN' | 'en' | 'zh-TW';
  seed?: number;
  replies: string[];
  expect: string;
  /** States the session must pass through, in order (a subsequence of the states it visits). */
  through?: string[];
}

const HERE = fileURLToPath(new URL('./', import.meta.url));

export const fixtures: { file: string; t: Transcript }[] = readdirSync(HERE)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, t: parse(readFileSync(HERE + file, 'utf8')) as Transcript }));
