// Colours for the terminal player: only when standard output is a terminal and NO_COLOR is
// not set (https://no-color.org), so a pipe, a file or a CI log gets plain text.
import type { CliIO } from './command.ts';

export function useColour(io: Pick<CliIO, 'stdout' | 'env'>): boolean {
  return Boolean(io.stdout.isTTY) && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

export interface Paint {
  prompt(text: string): string;
  customer(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  title(text: string): string;
  dim(text: string): string;
}

const sgr = (open: string) => (text: string) => `\u001b[${open}m${text}\u001b[0m`;
const plain = (text: string) => text;

export function paint(on: boolean): Paint {
  if (!on) return { prompt: plain, customer: plain, good: plain, bad: plain, title: plain, dim: plain };
  return { prompt: sgr('1;36'), customer: sgr('1;33'), good: sgr('32'), bad: sgr('31'), title: sgr('1'), dim: sgr('2') };
}
