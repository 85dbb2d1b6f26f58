import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

export const detectCommand: CommandDef = {
  name: 'detect',
  summary: "detect the app's language, package manager, framework, commands and port",
  configure(cmd: Command) {
    cmd.argument('[dir]', 'the repository to look at', '.').option('--json', 'print the result as JSON');
    examples(cmd, ['harden-init detect', 'harden-init detect ./services/api --json']);
  },
  async run() {
    notBuilt('detect');
  },
};
