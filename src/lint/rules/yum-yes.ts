import { yesRule } from './rpm-shared.js';

export const rule = yesRule(
  {
    id: 'HI323',
    slug: 'yum-yes',
    level: 'warning',
    title: 'Use the -y switch to avoid manual input `yum install -y <package>`',
    fix: 'Add `-y` to the yum command.',
    aliases: ['DL3030'],
    docs: 'Without -y yum waits for a confirmation that never comes in a build and aborts.',
  },
  ['yum'],
  ['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase'],
  ['y', 'assumeyes'],
);
