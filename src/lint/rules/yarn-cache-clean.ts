import type { Edit, Rule } from '../rule.js';
import type { Instr } from '../model.js';
import { isProgram, positionals } from '../shell/index.js';
import { appendToRun, cleanedAfter, runInstructions, shipsOrIsBase } from './helpers.js';
import { mountsCacheAt } from './pm-shared.js';

function offends(instr: Instr): boolean {
  const cleaned = cleanedAfter(
    instr.shell().commands,
    (c) => isProgram(c, 'yarn') && ['install', 'add'].includes(positionals(c)[0] ?? ''),
    (c) => isProgram(c, 'yarn') && positionals(c)[0] === 'cache' && positionals(c)[1] === 'clean',
  );
  return cleaned === false && !mountsCacheAt(instr, /yarn/);
}

export const rule: Rule = {
  id: 'HI320',
  slug: 'yarn-cache-clean',
  level: 'info',
  title: '`yarn cache clean` missing after `yarn install` was run',
  fix: 'End the RUN with `&& yarn cache clean` (or mount a cache for the yarn cache folder).',
  aliases: ['DL3060'],
  docs: "yarn keeps a copy of every package in its cache; left in the layer it can double the image's size.",
  check(model) {
    return runInstructions(model).filter((i) => shipsOrIsBase(model, i) && offends(i)).map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    return runInstructions(model)
      .filter((i) => shipsOrIsBase(model, i) && offends(i))
      .map((i) => appendToRun(i, ' \\\n    && yarn cache clean'))
      .filter((e): e is Edit => e !== null);
  },
};
