import { cleanRule, cleansAll, removesDir } from './rpm-shared.js';

const cleaned = cleansAll(['dnf', 'microdnf']);
const removed = removesDir(/^\/var\/cache\/(dnf|yum|libdnf5)\/?\*?$/);

export const rule = cleanRule(
  {
    id: 'HI327',
    slug: 'dnf-clean-all',
    level: 'warning',
    title: '`dnf clean all` missing after dnf command',
    fix: 'End the RUN with `&& dnf clean all`.',
    aliases: ['DL3040', 'DS-0019', 'DS-0027'],
    docs: 'dnf keeps package metadata and downloaded RPMs in /var/cache/dnf; left in the layer they only add size.',
  },
  ['dnf', 'microdnf'],
  ['install', 'in', 'groupinstall', 'localinstall', 'reinstall', 'rei', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'downgrade', 'distro-sync', 'dsync'],
  (c) => cleaned(c) || removed(c),
  /\/var\/cache\/(dnf|yum|libdnf5)/,
  ' \\\n    && dnf clean all',
);
