import { cleanRule, cleansAll, removesDir } from './rpm-shared.js';

const cleaned = cleansAll(['yum']);
const removed = removesDir(/^\/var\/cache\/yum\/?\*?$/);

export const rule = cleanRule(
  {
    id: 'HI324',
    slug: 'yum-clean-all',
    level: 'warning',
    title: '`yum clean all` missing after yum command',
    fix: 'End the RUN with `&& yum clean all`.',
    aliases: ['DL3032', 'DS-0015'],
    docs: 'yum keeps package metadata and downloaded RPMs in /var/cache/yum; left in the layer they only add size.',
  },
  ['yum'],
  ['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update'],
  (c) => cleaned(c) || removed(c),
  /\/var\/cache\/yum/,
  ' \\\n    && yum clean all',
);
