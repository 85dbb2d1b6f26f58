import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';

export const scanCommand: CommandDef = {
  name: 'scan',
  summary: 'scan an image for known vulnerabilities (Trivy, Grype, Docker Scout, Snyk or built-in)',
  configure(cmd: Command) {
    cmd
      .argument('[image]', 'image name, tag or id (not needed with --from-report)')
      .addOption(new Option('--scanner <name>', 'which scanner runs').choices(['auto', 'builtin', 'trivy', 'grype', 'scout', 'snyk']).default('auto'))
      .addOption(new Option('--severity <level>', 'report only findings at or above this severity').choices(['low', 'medium', 'high', 'critical']))
      .option('--exclude-base', 'drop findings that come from the base image')
      .option('--dependency-tree', 'show which top-level package pulls each vulnerable one')
      .option('--file <Dockerfile>', 'map findings to the FROM line and stage of this Dockerfile')
      .addOption(new Option('--format <format>', 'output format').choices(['tty', 'json', 'sarif']).default('tty'))
      .option('--from-report <file>', 'parse an existing Trivy/Grype/Scout/Snyk report instead of running a scanner');
    examples(cmd, ['harden-init scan my-app:1.0', 'harden-init scan my-app:1.0 --severity high --exclude-base --file Dockerfile', 'harden-init scan --from-report trivy.json --format sarif']);
  },
  async run(args, options, ctx) {
    const { runScanCommand } = await import('../../scan/run.js');
    return runScanCommand(args[0], {
      scanner: (options.scanner as 'auto') ?? 'auto',
      severity: options.severity as 'low' | undefined,
      excludeBase: Boolean(options.excludeBase),
      dependencyTree: Boolean(options.dependencyTree),
      file: options.file as string | undefined,
      format: (options.format as 'tty') ?? 'tty',
      fromReport: options.fromReport as string | undefined,
    }, ctx);
  },
};
