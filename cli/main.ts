import type { CliIO } from './command.ts';
import { UsageError } from './command.ts';
import { COMMANDS } from './commands/index.ts';

function topLevelHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length), 8);
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: roleplay <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run `roleplay <command> --help` for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topLevelHelp());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`roleplay: unknown command '${name}'.\n\n${topLevelHelp()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`roleplay ${name}: ${error.message}\nRun \`roleplay ${name} --help\` for usage.\n`);
      return 2;
    }
    // Anything else is a bug in the product, but the user still gets one line, not a trace.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`roleplay ${name}: ${message}\n`);
    if (io.env.ROLEPLAY_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return 1;
  }
}

/**
 * `roleplay list | head -1`: the reader has gone, so the rest of the output has nowhere to go.
 * That is the user's choice, not a failure: stop without Node's unhandled-error stack trace.
 */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`roleplay: cannot write the output: ${error.message}\n`);
  process.exit(1);
}

function defaultIO(): CliIO {
  if (!process.stdout.listeners('error').includes(onStdoutError)) process.stdout.on('error', onStdoutError);
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
