import type { Command } from 'commander';
import type { CommandContext } from './context.js';

/**
 * One CLI command. `configure` declares arguments, options and the help example;
 * `run` lazily imports the implementation, so start-up stays cheap, and returns the exit code.
 */
export interface CommandDef {
  name: string;
  /** One line shown in `harden-init --help`. */
  summary: string;
  configure(cmd: Command): void;
  run(args: string[], options: Record<string, unknown>, ctx: CommandContext): Promise<number>;
}

/** Argument parser of a repeatable option: each use adds its value to the list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Adds an "Examples:" block to a command's help. */
export function examples(cmd: Command, lines: string[]): void {
  cmd.addHelpText('after', `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`);
}
