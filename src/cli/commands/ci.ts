import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';

export const ciCommand: CommandDef = {
  name: 'ci',
  summary: 'write a CI workflow that lints, builds, scans, signs and verifies the image',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the repository root', '.')
      .option('--github', 'write .github/workflows/harden-init-image.yml')
      .option('--image <name>', 'image name without tag (default: ghcr.io/<owner>/<repo>)')
      .option('--dry-run', 'print the workflow (or the diff from yours); write nothing')
      .option('--dockerfile <path>', 'Dockerfile path relative to the repository root', 'Dockerfile')
      .addOption(new Option('--severity <level>', 'scan findings at or above this severity fail the build').choices(['low', 'medium', 'high', 'critical']).default('high'));
    examples(cmd, ['harden-init ci --github', 'harden-init ci --github --image ghcr.io/acme/app --severity critical']);
  },
  async run(args, options, ctx) {
    const { runCi } = await import('../../workflow/run.js');
    return runCi(
      args[0] ?? '.',
      {
        github: Boolean(options.github),
        image: options.image as string | undefined,
        dockerfile: options.dockerfile as string | undefined,
        severity: options.severity as 'low' | 'medium' | 'high' | 'critical',
        dryRun: Boolean(options.dryRun),
      },
      ctx,
    );
  },
};
