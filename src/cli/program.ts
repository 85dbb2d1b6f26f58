// The full command line: every command of harden-init, the wizard when no command is named.
import { commands, defaultCommand } from './commands/index.js';
import { parseArgvWith, type Io, type Parsed } from './parse.js';

export { buildProgram, VERSION, type Io, type Parsed, type Registry } from './parse.js';

/** Parses argv against every command; commander's errors become one-line UsageErrors naming the closest valid name. */
export function parseArgv(argv: string[], io: Io): Parsed {
  return parseArgvWith(argv, io, { defaultCommand, commands });
}
