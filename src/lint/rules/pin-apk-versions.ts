import type { Rule } from '../rule.js';
import { isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';
import { APK_VALUED } from './apk-no-cache.js';

export const rule: Rule = {
  id: 'HI316',
  slug: 'pin-apk-versions',
  level: 'warning',
  title: 'Pin versions in apk add',
  fix: 'Pin each package: `apk add <package>=<version>`.',
  aliases: ['DL3018'],
  docs: 'Unpinned packages make the same Dockerfile build different images over time; pinning makes upgrades deliberate and reviewable.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (!isProgram(c, 'apk')) return false;
      const [sub, ...packages] = positionals(c, APK_VALUED);
      return sub === 'add' && packages.some((p) => !/[=~<>]/.test(p) && !p.endsWith('.apk') && !p.includes('$'));
    });
  },
};
