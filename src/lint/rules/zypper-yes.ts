import { yesRule } from './rpm-shared.js';

export const rule = yesRule(
  {
    id: 'HI329',
    slug: 'zypper-yes',
    level: 'warning',
    title: 'Non-interactive switch missing from `zypper` command: `zypper install -y`',
    fix: 'Add `-y` (`--non-interactive`) to the zypper command.',
    aliases: ['DL3034'],
    docs: 'Without a non-interactive switch zypper waits for input that never comes in a build.',
  },
  ['zypper'],
  ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up'],
  ['y', 'non-interactive', 'n', 'no-confirm'],
);
