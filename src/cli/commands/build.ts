import type { Command } from 'commander';
import { collect, examples, type CommandDef } from '../command.js';

export const buildCommand: CommandDef = {
  name: 'build',
  summary: 'build the image with BuildKit, then audit it',
  configure(cmd: Command) {
    cmd
      .argument('[dir]', 'the app to build', '.')
      .option('--tag <name:tag>', 'image name and tag')
      .option('--secret <id=..,src=..>', 'a BuildKit secret to pass (repeatable)', collect, [])
      .option('--ca-cert <file>', 'CA bundle (PEM) the install steps trust, passed as the secret "ca"; give a full bundle (system roots plus your CA): pip, go and cargo use it instead of their own roots. Default: caCert of .harden-init.json when that file exists')
      .option('--run', 'smoke-run the image read-only, without capabilities, and check it answers')
      .option('--json', 'print a machine-readable result');
    examples(cmd, [
      'harden-init build',
      'harden-init build --tag my-app:1.0 --secret id=npmrc,src=$HOME/.npmrc --run',
      'harden-init build --ca-cert /etc/ssl/certs/ca-certificates.crt   # behind a TLS-inspecting proxy',
    ]);
  },
  async run(args, options, ctx) {
    const { runBuildCommand } = await import('../../docker/build-run.js');
    return runBuildCommand(args[0] ?? '.', { tag: options.tag as string | undefined, secrets: (options.secret as string[]) ?? [], caCert: options.caCert as string | undefined, run: Boolean(options.run), json: Boolean(options.json) }, ctx);
  },
};
