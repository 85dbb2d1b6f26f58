import type { Edit, Rule } from '../rule.js';
import { isProgram } from '../shell/index.js';
import { hitsPerRun, runCommands } from './helpers.js';

export const rule: Rule = {
  id: 'HI308',
  slug: 'use-apt-get',
  level: 'warning',
  title: 'Do not use apt as it is meant to be an end-user tool, use apt-get or apt-cache instead',
  fix: 'Replace `apt` with `apt-get` (or `apt-cache` for searches).',
  aliases: ['DL3027', 'CKV_DOCKER_9'],
  docs: "apt's command-line interface is not stable for scripts and it warns so on every run; apt-get is the scripting interface.",
  check(model) {
    return hitsPerRun(model, (c) => c.name === 'apt');
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const { instr, command } of runCommands(model)) {
      if (command.name !== 'apt' || command.nested || !['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove'].includes(command.args.find((a) => !a.startsWith('-')) ?? '')) continue;
      void isProgram;
      const word = command.words[0];
      edits.push({ start: instr.rawStart + word.start, end: instr.rawStart + word.end, text: 'apt-get' });
    }
    return edits;
  },
};
