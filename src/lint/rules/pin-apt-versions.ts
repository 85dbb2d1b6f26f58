import type { Rule } from '../rule.js';
import { hitsPerRun } from './helpers.js';
import { aptPackages, isAptGetInstall } from './apt-shared.js';

export const rule: Rule = {
  id: 'HI311',
  slug: 'pin-apt-versions',
  level: 'warning',
  title: 'Pin versions in apt get install',
  fix: 'Pin each package: `apt-get install <package>=<version>`.',
  aliases: ['DL3008'],
  docs: 'Unpinned packages make the same Dockerfile build different images over time; pinning makes upgrades deliberate and reviewable.',
  check(model) {
    return hitsPerRun(model, (c) => isAptGetInstall(c) && aptPackages(c).some((p) => !p.includes('=') && !p.endsWith('.deb') && !p.startsWith('/') && !p.startsWith('./') && !p.includes('$')));
  },
};
