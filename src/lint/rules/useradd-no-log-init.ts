import type { Rule } from '../rule.js';
import { flagValues, hasFlag, isProgram } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI204',
  slug: 'useradd-no-log-init',
  level: 'warning',
  title: 'useradd without flag -l and high UID will result in excessively large Image',
  fix: 'Add `-l` (`--no-log-init`) to `useradd` when it sets a high UID.',
  aliases: ['DL3046'],
  docs: 'useradd writes lastlog/faillog as sparse files sized by the UID; in an image layer they are stored dense, adding gigabytes for a UID like 100000.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (!isProgram(c, 'useradd') || hasFlag(c, 'l', 'no-log-init')) return false;
      const uid = flagValues(c, 'u', 'uid')[0];
      return uid !== undefined && /^\d+$/.test(uid) && uid.length > 5;
    });
  },
};
