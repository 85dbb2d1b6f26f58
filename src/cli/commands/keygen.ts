import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';

export const keygenCommand: CommandDef = {
  name: 'keygen',
  summary: 'create a cosign-compatible key pair (cosign.key encrypted with COSIGN_PASSWORD, cosign.pub)',
  configure(cmd: Command) {
    cmd
      .option('--out-dir <dir>', 'where to write cosign.key and cosign.pub', '.')
      .option('--force', 'replace an existing key pair (the old files are kept as .harden-init.bak)');
    examples(cmd, ['COSIGN_PASSWORD=... harden-init keygen --out-dir keys']);
  },
  async run(_args, options, ctx) {
    const { runKeygen } = await import('../../sign/run.js');
    return runKeygen({ outDir: options.outDir as string | undefined, force: Boolean(options.force) }, ctx);
  },
};
