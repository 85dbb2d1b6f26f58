import type { Rule } from '../rule.js';
import { isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';

const VALUED = ['loglevel', 'prefix', 'C', 'registry', 'cache', 'userconfig', 'globalconfig', 'tag', 'w', 'workspace'];

function pinned(spec: string): boolean {
  if (/^(git|git\+\w+|github|gitlab|bitbucket):/.test(spec)) return /#.+/.test(spec);
  if (/^[./~]/.test(spec) || /^(https?|file):/.test(spec) || /\.(tgz|tar\.gz|tar)$/.test(spec) || spec.includes('$')) return true;
  if (/^[^@/]+\/[^@/]+(#.*)?$/.test(spec)) return spec.includes('#');
  const at = spec.startsWith('@') ? spec.indexOf('@', 1) : spec.indexOf('@');
  return at > 0 && spec.length > at + 1;
}

export const rule: Rule = {
  id: 'HI319',
  slug: 'pin-npm-versions',
  level: 'warning',
  title: 'Pin versions in npm',
  fix: 'Pin each package (`npm install <package>@<version>`), or install from the lockfile with `npm ci`.',
  aliases: ['DL3016'],
  docs: 'An unpinned npm install takes whatever version is newest at build time, including a just-published malicious one.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (!isProgram(c, 'npm')) return false;
      const [sub, ...packages] = positionals(c, VALUED);
      return ['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal'].includes(sub ?? '') && packages.some((p) => !pinned(p));
    });
  },
};
