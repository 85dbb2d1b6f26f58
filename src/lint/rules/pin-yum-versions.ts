import { pinRule } from './rpm-shared.js';

export const rule = pinRule(
  {
    id: 'HI325',
    slug: 'pin-yum-versions',
    level: 'warning',
    title: 'Specify version with `yum install -y <package>-<version>`',
    fix: 'Pin each package: `yum install -y <package>-<version>`.',
    aliases: ['DL3033'],
    docs: 'Unpinned packages make the same Dockerfile build different images over time.',
  },
  ['yum'],
  ['install', 'groupinstall', 'localinstall', 'reinstall'],
  (p) => /-\d/.test(p),
);
