import type { Rule } from '../rule.js';
import { isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

export const rule: Rule = {
  id: 'HI322',
  slug: 'pin-go-versions',
  level: 'warning',
  title: 'Pin versions in go',
  fix: 'Pin each module: `go install <package>@<version>`.',
  aliases: ['DL3062'],
  docs: '`go install pkg` without a version builds whatever the default branch holds today.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (!isProgram(c, 'go')) return false;
      const [sub, ...packages] = positionals({ ...c, args: c.args.filter((a) => a !== '-tool') }, ['o', 'C', 'mod', 'tags', 'ldflags', 'gcflags', 'p', 'modfile', 'overlay', 'pgo']);
      if (sub !== 'install' && sub !== 'get' && sub !== 'run') return false;
      // `go run pkg@v args...`: only the first word is a package.
      if (sub === 'run') packages.splice(1);
      return packages.some((p) => !p.startsWith('.') && !p.startsWith('/') && !p.includes('$') && (!p.includes('@') || /@latest$/.test(p)));
    });
  },
};
