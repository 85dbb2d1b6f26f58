import type { Edit, Rule } from '../rule.js';
import { hasFlag, isProgram, positionals, type ShellCommand } from '../shell/index.js';
import { hitsPerRun, insertAfterSubcommand, runCommands } from './helpers.js';
import { mountsCacheAt } from './pm-shared.js';
import type { Instr } from '../model.js';

const VALUED = ['t', 'virtual', 'X', 'repository', 'p', 'root', 'arch', 'keys-dir', 'repositories-file', 'cache-dir'];

function misses(c: ShellCommand, instr: Instr): boolean {
  return isProgram(c, 'apk') && positionals(c, VALUED)[0] === 'add' && !hasFlag(c, 'no-cache') && !mountsCacheAt(instr, /^\/(var\/)?cache\/apk\/?$|^\/etc\/apk\/cache\/?$/);
}

export const rule: Rule = {
  id: 'HI315',
  slug: 'apk-no-cache',
  level: 'info',
  title: 'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
  fix: 'Add `--no-cache` to `apk add`.',
  aliases: ['DL3019', 'DS-0025', 'DKL-DI-0004'],
  docs: '`apk add --no-cache` fetches a fresh index and keeps nothing in /var/cache/apk, so the layer holds only the packages.',
  check(model) {
    return hitsPerRun(model, misses);
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const { instr, command } of runCommands(model)) {
      if (!misses(command, instr) || command.nested) continue;
      const edit = insertAfterSubcommand(instr, command, '--no-cache', VALUED);
      if (edit) edits.push(edit);
    }
    return edits;
  },
};

export { VALUED as APK_VALUED };
