import type { Rule } from '../rule.js';
import { isProgram, positionals } from '../shell/index.js';
import { hitsPerRun } from './helpers.js';
import { PIP_VALUED, isPipInstall, pipArgs } from './pm-shared.js';

function pinned(spec: string): boolean {
  if (/^git\+/.test(spec)) return /\.git@[^#]+|@[0-9a-f]{7,40}/.test(spec);
  return /(==|>=|<=|~=|!=|===|<|>|@)/.test(spec) || /^[./]/.test(spec) || spec.includes('/') || /\.(whl|tar\.gz|tgz|zip)$/.test(spec) || /^(https?:|file:)/.test(spec) || spec.includes('$');
}

export const rule: Rule = {
  id: 'HI318',
  slug: 'pin-pip-versions',
  level: 'warning',
  title: 'Pin versions in pip',
  fix: 'Pin each package (`pip install <package>==<version>`) or install from a requirements file.',
  aliases: ['DL3013'],
  docs: 'Unpinned Python packages resolve to whatever is newest at build time, so two builds of one commit differ and a compromised release is picked up automatically.',
  check(model) {
    return hitsPerRun(model, (c) => {
      if (isProgram(c, 'pipx') && positionals(c)[0] === 'install') return positionals(c).slice(1).some((p) => !pinned(p));
      if (!isPipInstall(c)) return false;
      const args = pipArgs(c) ?? [];
      if (args.some((a) => a === '-c' || a === '--constraint' || a.startsWith('--constraint=') || /^-c\S/.test(a))) return false;
      const packages = positionals({ ...c, args }, PIP_VALUED).slice(1);
      return packages.some((p) => !pinned(p));
    });
  },
};
