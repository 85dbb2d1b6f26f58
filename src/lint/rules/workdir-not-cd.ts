import type { Rule } from '../rule.js';
import { isProgram } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI301',
  slug: 'workdir-not-cd',
  level: 'warning',
  title: 'Use WORKDIR to switch to a directory',
  fix: 'Replace `cd dir && ...` with a `WORKDIR dir` instruction before the RUN.',
  aliases: ['DL3003', 'DS-0013'],
  docs: '`cd` lasts only for one RUN; WORKDIR is explicit, applies to later instructions and creates the directory.',
  check(model) {
    return hitsPerRun(model, (c) => isProgram(c, 'cd') && !c.nested);
  },
};
