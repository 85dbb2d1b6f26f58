import type { Rule, RuleHit } from '../rule.js';
import { flagValue } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI405',
  slug: 'copy-from-other-stage',
  level: 'error',
  title: '`COPY --from` cannot reference its own `FROM` alias',
  fix: 'Copy from an earlier stage, not the stage being built.',
  aliases: ['DL3023', 'DS-0006'],
  docs: 'A stage cannot read its own, unfinished, result; the builder rejects the cycle.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || instr.stage < 0) continue;
      const from = flagValue(instr, 'from');
      const own = model.stages[instr.stage].name;
      if (from !== null && own !== null && from.toLowerCase() === own) hits.push({ line: instr.line, column: instr.column });
    }
    return hits;
  },
};
