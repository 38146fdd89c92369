// What every `roleplay` subcommand provides. Subcommands live one per file in
// cli/commands/ and are listed in cli/commands/index.ts.
import type { Readable, Writable } from 'node:stream';

export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  /** Working directory paths are resolved against. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  /** Full --help text. */
  usage: string;
  /** Returns the exit code: 0 ok, 1 failure of the checked thing, 2 usage or input error. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {}
