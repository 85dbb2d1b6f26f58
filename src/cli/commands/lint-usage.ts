import { Option, type Command } from 'commander';
import { collect, examples, type CommandDef } from '../command.js';

/**
 * What `harden-init lint` takes, without how it runs: the full command line and the lint bundle's
 * own (src/lint/bundle-entry.ts) declare the same command from it.
 */
export const lintUsage: Omit<CommandDef, 'run'> = {
  name: 'lint',
  summary: 'lint Dockerfiles (hadolint, Trivy, Checkov and BuildKit checks) and fix what is safe',
  configure(cmd: Command) {
    cmd
      .argument('[Dockerfile...]', 'files to lint; a folder means its Dockerfile, - reads standard input (default: ./Dockerfile)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['tty', 'json', 'sarif', 'checkstyle', 'gitlab']).default('tty'))
      .option('--fix', 'apply every safe fix (a backup is kept) and print the diff')
      .addOption(new Option('--failure-threshold <level>', 'exit 1 on findings at or above this level').choices(['error', 'warning', 'info', 'style', 'none']))
      .option('--config <file>', 'a .hadolint.yaml or .harden-init.json config file')
      .option('--trusted-registry <host>', 'warn on FROM images from other registries, as hadolint does (repeatable; adds to trustedRegistries)', collect)
      .option('--ignore <rule>', 'skip a rule by our id or any alias, e.g. DL3008 (repeatable; adds to the config\'s ignored)', collect)
      .option('-j, --jobs <n>', 'lint on n threads (default: one per 500 files, up to one less than the CPUs; --fix and - use one)');
    examples(cmd, ['harden-init lint', 'harden-init lint Dockerfile --format sarif > lint.sarif', 'harden-init lint --fix', 'harden-init lint - < Dockerfile.prod', 'harden-init lint --ignore DL3008 --ignore HI505']);
  },
};
