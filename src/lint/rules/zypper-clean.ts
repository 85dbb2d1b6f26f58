import { isProgram, positionals } from '../shell/index.js';
import { cleanRule } from './rpm-shared.js';

export const rule = cleanRule(
  {
    id: 'HI331',
    slug: 'zypper-clean',
    level: 'warning',
    title: '`zypper clean` missing after zypper use',
    fix: 'End the RUN with `&& zypper clean`.',
    aliases: ['DL3036', 'DS-0020'],
    docs: 'zypper keeps repository metadata and packages in /var/cache/zypp; left in the layer they only add size.',
  },
  ['zypper'],
  ['install', 'in', 'source-install', 'si', 'patch', 'update', 'up'],
  (c) => isProgram(c, 'zypper') && ['clean', 'cc'].includes(positionals(c)[0] ?? ''),
  /\/var\/cache\/zypp/,
  ' \\\n    && zypper clean',
);
