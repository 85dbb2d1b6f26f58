import type { Command } from 'commander';
import { examples, type CommandDef } from '../command.js';
import { notBuilt } from './not-built.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

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
  async run() {
    notBuilt('build');
  },
};
