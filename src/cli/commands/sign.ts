import { Option, type Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

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
  async run() {
    notBuilt('sign');
  },
};
