import type { Rule } from '../rule.js';
import { hasFlag, isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

const VALUED = ['v', 'version', 'i', 'install-dir', 'n', 'bindir', 's', 'source', 'p', 'http-proxy', 'platform', 'g', 'file'];

export const rule: Rule = {
  id: 'HI321',
  slug: 'pin-gem-versions',
  level: 'warning',
  title: 'Pin versions in gem install',
  fix: 'Pin each gem: `gem install <gem>:<version>` (or `-v <version>`).',
  aliases: ['DL3028'],
  docs: 'Unpinned gems resolve at build time, so builds are not reproducible and new releases arrive unreviewed.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (!isProgram(c, 'gem')) return false;
      const cut = c.args.indexOf('--');
      const args = cut >= 0 ? c.args.slice(0, cut) : c.args;
      const firstLate = args.findIndex((a, k) => a.startsWith('--') && k > 1 && !args[k - 1].startsWith('-'));
      const [sub, ...gems] = positionals({ ...c, args: firstLate > 0 ? args.slice(0, firstLate) : args }, VALUED);
      if (sub !== 'install' && sub !== 'i') return false;
      if (hasFlag(c, 'v', 'version')) return false;
      return gems.some((g) => !g.includes(':') && !g.endsWith('.gem') && !g.includes('$'));
    });
  },
};
