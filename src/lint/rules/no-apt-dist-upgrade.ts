import type { Rule } from '../rule.js';
import { hitsPerRun, isInvocation } from './helpers.js';
import { APT_VALUED } from './apt-shared.js';

export const rule: Rule = {
  id: 'HI313',
  slug: 'no-apt-dist-upgrade',
  level: 'warning',
  title: 'Do not use apt-get dist-upgrade',
  fix: 'Remove `apt-get dist-upgrade`; update the base image tag instead.',
  aliases: ['DS-0024', 'DKL-DI-0003'],
  docs: 'dist-upgrade can swap major packages under the base image, producing a system its publisher never tested.',
  check(model) {
    return hitsPerRun(model, (c) => isInvocation(c, ['apt-get', 'apt'], ['dist-upgrade'], APT_VALUED));
  },
};
