import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { UsageError } from '../errors.js';

export const verifyCommand: CommandDef = {
  name: 'verify',
  summary: "verify an image's signatures, or the base images of a Dockerfile against the trust table",
  configure(cmd: Command) {
    cmd
      .argument('[image]', 'image reference in a registry')
      .option('--key <file>', 'cosign public key')
      .option('--dockerfile [Dockerfile]', 'check every FROM of this Dockerfile instead')
      .option('--registry <host[/path]>', 'with --dockerfile: resolve base images through this mirror (default: .harden-init.json)')
      .option('--insecure-registry', 'allow plain HTTP to a registry that is not on loopback');
    examples(cmd, ['harden-init verify 127.0.0.1:5000/app:1.0 --key cosign.pub', 'harden-init verify --dockerfile']);
  },
  async run(args, options, ctx) {
    const insecureRegistry = Boolean(options.insecureRegistry);
    if (options.dockerfile !== undefined) {
      if (args[0]) throw new UsageError('give either an image or --dockerfile, not both', args[0], 'run `harden-init verify --dockerfile` on its own');
      const { runVerifyDockerfile } = await import('../../trust/run.js');
      const file = typeof options.dockerfile === 'string' ? options.dockerfile : 'Dockerfile';
      return runVerifyDockerfile(file, { insecureRegistry, key: options.key as string | undefined, registry: options.registry as string | undefined }, ctx);
    }
    if (!args[0]) throw new UsageError('nothing to verify', 'verify', 'pass an image (with --key cosign.pub) or --dockerfile');
    const { runVerifyImage } = await import('../../sign/run.js');
    return runVerifyImage(args[0], { key: options.key as string | undefined, insecureRegistry }, ctx);
  },
};
