import { yesRule } from './rpm-shared.js';

export const rule = yesRule(
  {
    id: 'HI326',
    slug: 'dnf-yes',
    level: 'warning',
    title: 'Use the -y switch to avoid manual input `dnf install -y <package>`',
    fix: 'Add `-y` to the dnf command.',
    aliases: ['DL3038'],
    docs: 'Without -y dnf waits for a confirmation that never comes in a build and aborts.',
  },
  ['dnf', 'microdnf'],
  ['install', 'groupinstall', 'localinstall', 'reinstall'],
  ['y', 'assumeyes'],
);
