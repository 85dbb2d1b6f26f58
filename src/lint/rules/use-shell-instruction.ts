import type { Rule } from '../rule.js';
import { isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI304',
  slug: 'use-shell-instruction',
  level: 'warning',
  title: 'Use SHELL to change the default shell',
  fix: 'Use the `SHELL` instruction instead of linking another shell over /bin/sh.',
  aliases: ['DL4005'],
  docs: 'Replacing /bin/sh with a symlink changes every script in the image, including the distribution\'s own; SHELL changes only the Dockerfile\'s RUN lines.',
  check(model) {
    return hitsPerRun(model, (c) => isProgram(c, 'ln') && positionals(c).includes('/bin/sh'));
  },
};
