import { pinRule } from './rpm-shared.js';

export const rule = pinRule(
  {
    id: 'HI332',
    slug: 'pin-zypper-versions',
    level: 'warning',
    title: 'Specify version with `zypper install -y <package>=<version>`',
    fix: 'Pin each package: `zypper install -y <package>=<version>`.',
    aliases: ['DL3037'],
    docs: 'Unpinned packages make the same Dockerfile build different images over time.',
  },
  ['zypper'],
  ['install', 'in'],
  (p) => /[=<>]/.test(p),
);
