import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI112',
  slug: 'start-with-from',
  level: 'error',
  title: 'Invalid instruction order. Dockerfile must begin with FROM, ARG or comment',
  fix: 'Move the instruction after the first `FROM`.',
  aliases: ['DL3061'],
  docs: 'Only ARG (and parser directives and comments) may come before the first FROM; the builder rejects anything else.',
  check(model) {
    const first = model.instructions.find((i) => !i.onbuild && i.keyword !== 'ARG');
    const hits = [];
    for (const instr of model.instructions) {
      if (instr.onbuild || instr.stage >= 0) break;
      if (instr.keyword !== 'ARG' && instr.keyword !== 'FROM') {
        hits.push({ line: instr.line, column: instr.column });
      }
    }
    void first;
    return hits;
  },
};
