import type { Edit, Rule } from '../rule.js';
import { hasFlag, type ShellCommand } from '../shell/index.js';
import { hitsPerRun, insertAfterSubcommand, runCommands } from './helpers.js';
import { APT_VALUED, isAptGetInstall } from './apt-shared.js';

function missesFlag(c: ShellCommand): boolean {
  return isAptGetInstall(c) && !hasFlag(c, 'no-install-recommends') && !c.args.some((a) => /APT::Install-Recommends=(false|0)/i.test(a));
}

export const rule: Rule = {
  id: 'HI310',
  slug: 'apt-no-install-recommends',
  level: 'info',
  title: 'Avoid additional packages by specifying `--no-install-recommends`',
  fix: 'Add `--no-install-recommends` to `apt-get install`.',
  aliases: ['DL3015', 'DS-0029'],
  docs: 'Recommended packages are not needed to run the named ones; they add size and vulnerabilities to every layer.',
  check(model) {
    return hitsPerRun(model, missesFlag);
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const { instr, command } of runCommands(model)) {
      if (!missesFlag(command) || command.nested) continue;
      const edit = insertAfterSubcommand(instr, command, '--no-install-recommends', APT_VALUED);
      if (edit) edits.push(edit);
    }
    return edits;
  },
};
