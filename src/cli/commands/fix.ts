import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';

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
  async run(args, options, ctx) {
    const { runFixCommand } = await import('../../fix/run.js');
    return runFixCommand(args[0] ?? '.', { yes: Boolean(options.yes), dryRun: Boolean(options.dryRun), image: options.image as string | undefined }, ctx);
  },
};
