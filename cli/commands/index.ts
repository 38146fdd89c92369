import type { Command } from '../command.ts';

// Each subcommand is loaded only when asked for, so `roleplay score` does not
// pay for the bot's imports and `roleplay serve` does not pay for the CLI's.
const lazy = (load: () => Promise<{ default: Command }>) => async () => (await load()).default;

export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'Check scenario files (schema, states, locales)', load: lazy(() => import('./validate.ts')) },
  list: { summary: 'List the scenarios', load: lazy(() => import('./list.ts')) },
  play: { summary: 'Play a scenario in the terminal', load: lazy(() => import('./play.ts')) },
  new: { summary: 'Write a commented scenario scaffold that validates', load: lazy(() => import('./new.ts')) },
  test: { summary: "Play each scenario's example conversations and check their endings", load: lazy(() => import('./test.ts')) },
  score: { summary: 'Score replies in bulk (JSON Lines in, JSON Lines out)', load: lazy(() => import('./score.ts')) },
  serve: { summary: 'Run the bot server (Bot Framework + web chat)', load: lazy(() => import('./serve.ts')) },
  report: { summary: 'Export sessions and turns (CSV, JSON or xAPI statements)', load: lazy(() => import('./report.ts')) },
};
