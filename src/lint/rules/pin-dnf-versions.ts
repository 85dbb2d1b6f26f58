import { pinRule } from './rpm-shared.js';

export const rule = pinRule(
  {
    id: 'HI328',
    slug: 'pin-dnf-versions',
    level: 'warning',
    title: 'Specify version with `dnf install -y <package>-<version>`',
    fix: 'Pin each package: `dnf install -y <package>-<version>`.',
    aliases: ['DL3041'],
    docs: 'Unpinned packages make the same Dockerfile build different images over time.',
  },
  ['dnf', 'microdnf'],
  ['install', 'groupinstall', 'localinstall', 'reinstall'],
  (p) => /-\d/.test(p),
);
