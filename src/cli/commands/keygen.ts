import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

export const keygenCommand: CommandDef = {
  name: 'keygen',
  summary: 'create a cosign-compatible key pair (cosign.key encrypted with COSIGN_PASSWORD, cosign.pub)',
  configure(cmd: Command) {
    cmd.option('--out-dir <dir>', 'where to write cosign.key and cosign.pub', '.');
    examples(cmd, ['COSIGN_PASSWORD=... harden-init keygen --out-dir keys']);
  },
  async run() {
    notBuilt('keygen');
  },
};
