// The command line: one commander program over a registry of commands. src/cli/program.ts gives it
// every command; the lint bundle gives it lint alone (src/lint/bundle-entry.ts).
import { Command, CommanderError } from 'commander';
import type { CommandDef } from './command.js';
import { colorAllowed, type CommandContext } from './context.js';
import { UsageError } from './errors.js';

declare const __HARDEN_INIT_VERSION__: string;
export const VERSION = typeof __HARDEN_INIT_VERSION__ === 'string' ? __HARDEN_INIT_VERSION__ : '0.0.0-dev';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: CommandContext['stdin'];
  stdout: CommandContext['stdout'];
  stderr: CommandContext['stderr'];
}

/** The outcome of parsing: either an exit code already decided (help, version) or a command to run. */
export type Parsed =
  | { kind: 'exit'; exitCode: number }
  | { kind: 'run'; def: CommandDef; args: string[]; options: Record<string, unknown>; ctx: CommandContext };

/** Options every command takes, before or after its name. */
function withGlobalOptions(cmd: Command): Command {
  return cmd.option('--debug', 'print stack traces and extra diagnostics').option('--no-color', 'no colours in the output (also NO_COLOR=1)');
}

/** The commands a program knows: the one run with no command name (the wizard), and the named ones. */
export interface Registry {
  defaultCommand?: CommandDef;
  commands: CommandDef[];
}

export function buildProgram(io: Io, onRun: (parsed: Parsed) => void, registry: Registry): Command {
  const program = new Command('harden-init');
  program
    .description('Generate a hardened multi-stage Dockerfile, .dockerignore and security.txt for your app, then lint, build, audit and scan it.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // The wizard's options belong to it: `harden-init ci --dry-run` is an error, not a silent no-op.
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's own errors are rethrown as UsageError and printed by main().
      outputError: () => {},
    })
    .exitOverride();
  withGlobalOptions(program);

  const bind = (cmd: Command, def: CommandDef) => {
    def.configure(cmd);
    cmd.action((...received: unknown[]) => {
      const self = received[received.length - 1] as Command;
      const options = self.optsWithGlobals() as Record<string, unknown>;
      // A variadic last argument (`lint [Dockerfile...]`) takes every remaining word.
      const variadic = self.registeredArguments[self.registeredArguments.length - 1]?.variadic === true;
      const args = variadic ? [...self.args] : self.args.slice(0, self.registeredArguments.length);
      const ctx: CommandContext = {
        ...io,
        color: colorAllowed(io.env, io.stdout.isTTY, options.color !== false),
        debug: Boolean(options.debug),
      };
      onRun({ kind: 'run', def, args, options, ctx });
    });
  };

  if (registry.defaultCommand) bind(program, registry.defaultCommand);
  for (const def of registry.commands) {
    const cmd = program.command(def.name).summary(def.summary).description(def.summary);
    cmd.configureOutput(program.configureOutput()).exitOverride().showSuggestionAfterError(true);
    // Also after the command name, where users put them.
    withGlobalOptions(cmd);
    bind(cmd, def);
  }
  return program;
}

/** Parses argv; commander's errors become one-line UsageErrors naming the closest valid name. */
export function parseArgvWith(argv: string[], io: Io, registry: Registry): Parsed {
  let parsed: Parsed | undefined;
  const program = buildProgram(io, (p) => (parsed = p), registry);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return { kind: 'exit', exitCode: 0 };
      }
      throw commanderToUsageError(error, argv, registry);
    }
    throw error;
  }
  return parsed ?? { kind: 'exit', exitCode: 0 };
}

function commanderToUsageError(error: CommanderError, argv: string[], registry: Registry): UsageError {
  const lines = error.message.replace(/^error: /, '').split('\n').filter(Boolean);
  const what = lines[0];
  const suggestion = lines.find((line) => line.startsWith('(Did you mean'));
  // The first word that names a command is the command (a later one may be a file of that name).
  const command = argv.find((word) => registry.commands.some((def) => def.name === word));
  const helpHint = command ? `harden-init ${command} --help` : 'harden-init --help';
  const fix = suggestion
    ? `did you mean ${suggestion.replace(/^\(Did you mean /, '').replace(/\?\)$/, '')}? See ${helpHint}`
    : `see ${helpHint}`;
  return new UsageError(what, 'command line', fix);
}
