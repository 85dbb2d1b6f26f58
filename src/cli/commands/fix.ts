import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

export const fixCommand: CommandDef = {
  name: 'fix',
  summary: 'walk through lint, audit and scan findings and apply the changes that remove them',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the app to fix', '.')
      .option('-y, --yes', 'apply every safe action without asking')
      .option('--dry-run', 'show the plan and its diffs; change nothing')
      .option('--image <name:tag>', 'also audit and scan this built image');
    examples(cmd, ['harden-init fix', 'harden-init fix --yes --dry-run']);
  },
  async run() {
    notBuilt('fix');
  },
};
