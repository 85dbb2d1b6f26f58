import type { Rule } from '../rule.js';
import { hitsPerRun } from './helpers.js';
import { invokes } from './rpm-shared.js';

export const rule: Rule = {
  id: 'HI330',
  slug: 'no-zypper-dist-upgrade',
  level: 'warning',
  title: 'Do not use `zypper dist-upgrade`',
  fix: 'Remove `zypper dist-upgrade`; update the base image instead.',
  aliases: ['DL3035'],
  docs: 'A distribution upgrade inside a build swaps the base system under the image, producing a combination nobody tested.',
  check(model) {
    return hitsPerRun(model, (c) => invokes(c, ['zypper'], ['dist-upgrade', 'dup']));
  },
};
