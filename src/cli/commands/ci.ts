import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

export const ciCommand: CommandDef = {
  name: 'ci',
  summary: 'write a CI workflow that lints, builds, scans, signs and verifies the image',
  configure(cmd: Command) {
    cmd.argument('[dir]', 'the app', '.').option('--github', 'write .github/workflows/harden-init-image.yml');
    examples(cmd, ['harden-init ci --github']);
  },
  async run() {
    notBuilt('ci');
  },
};
