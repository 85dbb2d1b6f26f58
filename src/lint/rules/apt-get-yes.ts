import type { Edit, Rule } from '../rule.js';
import { flagValues, hasFlag } from '../shell/index.js';
import { hitsPerRun, insertAfterSubcommand, runCommands } from './helpers.js';
import { APT_VALUED, isAptGetInstall } from './apt-shared.js';
import type { ShellCommand } from '../shell/index.js';

function missesYes(c: ShellCommand): boolean {
  if (!isAptGetInstall(c)) return false;
  if (hasFlag(c, 'y', 'yes', 'assume-yes')) return false;
  if (c.args.some((a) => /^-[a-zA-Z]*q[a-zA-Z]*q/.test(a) || a === '-q=2' || a === '--quiet=2')) return false;
  if (c.args.filter((a) => a === '--quiet' || (/^-[a-zA-Z]*q/.test(a) && !a.startsWith('--'))).length >= 2) return false;
  return !flagValues(c, 'q', 'quiet').includes('2');
}

export const rule: Rule = {
  id: 'HI309',
  slug: 'apt-get-yes',
  level: 'warning',
  title: 'Use the -y switch to avoid manual input `apt-get -y install <package>`',
  fix: 'Add `-y` to `apt-get install`.',
  aliases: ['DL3014', 'DS-0021'],
  docs: 'Without -y apt-get waits for a confirmation that never comes in a build and aborts.',
  check(model) {
    return hitsPerRun(model, missesYes);
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const { instr, command } of runCommands(model)) {
      if (!missesYes(command) || command.nested) continue;
      const edit = insertAfterSubcommand(instr, command, '-y', APT_VALUED);
      if (edit) edits.push(edit);
    }
    return edits;
  },
};
