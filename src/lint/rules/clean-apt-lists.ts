import type { Edit, Rule } from '../rule.js';
import type { Instr } from '../model.js';
import { isProgram, positionals } from '../shell/index.js';
import { appendToRun, isInvocation, runInstructions, shipsOrIsBase } from './helpers.js';
import { APT_VALUED } from './apt-shared.js';

function usesApt(instr: Instr): boolean {
  return instr.shell().commands.some((c) => isInvocation(c, ['apt-get', 'apt', 'aptitude'], ['update', 'install'], APT_VALUED));
}

function cleansLists(instr: Instr): boolean {
  const mounted = (dir: RegExp) => instr.flags.some((f) => f.name === 'mount' && /type=(cache|tmpfs)/.test(f.value ?? '') && dir.test(f.value ?? ''));
  if (mounted(/target=\/var\/lib\/apt\/lists\/?(,|$)/)) return true;
  // Caching all of apt (lists and archives) keeps both out of the layer.
  if (mounted(/target=\/var\/lib\/apt\/?(,|$)/) && mounted(/target=\/var\/cache\/apt\/?(,|$)/)) return true;
  return instr.shell().commands.some((c) => isProgram(c, 'rm') && positionals(c).some((p) => /^\/var\/lib\/apt\/lists\/?(\*|\/\*)?$/.test(p)));
}

function offending(model: Parameters<Rule['check']>[0]): Instr[] {
  return runInstructions(model).filter((i) => shipsOrIsBase(model, i) && usesApt(i) && !cleansLists(i));
}

export const rule: Rule = {
  id: 'HI312',
  slug: 'clean-apt-lists',
  level: 'info',
  title: 'Delete the apt lists (/var/lib/apt/lists) after installing something',
  fix: 'End the RUN with `&& rm -rf /var/lib/apt/lists/*` (or use a cache mount for /var/lib/apt).',
  aliases: ['DL3009', 'DKL-DI-0005'],
  docs: 'The package lists are tens of megabytes that nothing in the running container needs; removed in a later RUN, they still ship in the earlier layer.',
  check(model) {
    return offending(model).map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    return offending(model)
      .map((i) => appendToRun(i, ' \\\n    && rm -rf /var/lib/apt/lists/*'))
      .filter((e): e is Edit => e !== null);
  },
};
