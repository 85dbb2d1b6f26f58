import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import type { FormatChoice } from '../../sign/image.js';

export const signCommand: CommandDef = {
  name: 'sign',
  summary: 'sign an image in its registry so `cosign verify` accepts it',
  configure(cmd: Command) {
    cmd
      .argument('<image>', 'image reference in a registry, e.g. 127.0.0.1:5000/app:1.0')
      .option('--key <file>', 'cosign private key', 'cosign.key')
      .option('--keyless', 'sign keyless through the cosign CLI (Sigstore OIDC)')
      .addOption(new Option('--format <format>', 'signature format').choices(['legacy', 'bundle', 'both']).default('both'))
      .option('--insecure-registry', 'allow plain HTTP to a registry that is not on loopback');
    examples(cmd, ['COSIGN_PASSWORD=... harden-init sign 127.0.0.1:5000/app:1.0 --key cosign.key']);
  },
  async run(args, options, ctx) {
    const { runSign } = await import('../../sign/run.js');
    return runSign(
      args[0],
      {
        key: options.key as string | undefined,
        keyless: Boolean(options.keyless),
        format: options.format as FormatChoice,
        insecureRegistry: Boolean(options.insecureRegistry),
      },
      ctx,
    );
  },
};
