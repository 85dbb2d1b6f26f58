import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

export const verifyCommand: CommandDef = {
  name: 'verify',
  summary: "verify an image's signatures, or the base images of a Dockerfile against the trust table",
  configure(cmd: Command) {
    cmd
      .argument('[image]', 'image reference in a registry')
      .option('--key <file>', 'cosign public key')
      .option('--dockerfile [Dockerfile]', 'check every FROM of this Dockerfile instead')
      .option('--insecure-registry', 'allow plain HTTP to a registry that is not on loopback');
    examples(cmd, ['harden-init verify 127.0.0.1:5000/app:1.0 --key cosign.pub', 'harden-init verify --dockerfile']);
  },
  async run() {
    notBuilt('verify');
  },
};
