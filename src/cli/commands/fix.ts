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
      .option('--image <name:tag>', 'the built image to audit and scan, then rebuild and check again (default: the tag harden-init build gives the app, when the engine has it)')
      .option('--from-report <file>', 'plan from a Trivy/Grype/Scout/Snyk JSON report of the image made elsewhere (e.g. in CI)');
    examples(cmd, ['harden-init fix', 'harden-init fix --yes --dry-run', 'harden-init fix --image shop:latest --from-report trivy.json']);
  },
  async run(args, options, ctx) {
    const { runFixCommand } = await import('../../fix/run.js');
    return runFixCommand(args[0] ?? '.', { yes: Boolean(options.yes), dryRun: Boolean(options.dryRun), image: options.image as string | undefined, fromReport: options.fromReport as string | undefined }, ctx);
  },
};
