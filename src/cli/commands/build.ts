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
      .option('--run', 'smoke-run the image read-only, without capabilities, and check it answers')
      .option('--json', 'print a machine-readable result');
    examples(cmd, ['harden-init build', 'harden-init build --tag my-app:1.0 --secret id=npmrc,src=$HOME/.npmrc --run']);
  },
  async run(args, options, ctx) {
    const { runBuildCommand } = await import('../../docker/build-run.js');
    return runBuildCommand(args[0] ?? '.', { tag: options.tag as string | undefined, secrets: (options.secret as string[]) ?? [], run: Boolean(options.run), json: Boolean(options.json) }, ctx);
  },
};
