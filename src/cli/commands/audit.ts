import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { VERSION } from '../parse.js';

export const auditCommand: CommandDef = {
  name: 'audit',
  summary: 'audit a built image offline: user, setuid files, secrets in layers, labels, size',
  configure(cmd: Command) {
    cmd
      .argument('<image>', 'image name, tag or id')
      .addOption(new Option('--format <format>', 'output format').choices(['tty', 'json', 'sarif']).default('tty'))
      .addOption(new Option('--failure-threshold <level>', 'exit 1 on findings at or above this level (default: warning)').choices(['error', 'warning', 'info', 'style', 'none']));
    examples(cmd, ['harden-init audit my-app:1.0', 'harden-init audit my-app:1.0 --format json']);
  },
  async run(args, options, ctx) {
    const { runAuditCommand } = await import('../../audit/run.js');
    return runAuditCommand(args[0], { format: (options.format as 'tty') ?? 'tty', threshold: options.failureThreshold as 'warning' | undefined }, ctx, VERSION);
  },
};
