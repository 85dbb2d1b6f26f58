import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI307',
  slug: 'merge-consecutive-runs',
  level: 'info',
  title: 'Multiple consecutive RUN instructions. Consider consolidation',
  fix: 'Join consecutive RUN instructions with `&&` into one layer.',
  aliases: ['DL3059'],
  docs: 'Each RUN is a layer; files deleted in a later layer still ship in the earlier one. Consecutive RUNs with the same mounts can be one.',
  check(model) {
    const hits: RuleHit[] = [];
    let previous: (typeof model.instructions)[number] | null = null;
    for (const instr of model.instructions) {
      if (instr.keyword === 'ONBUILD') continue;
      if (instr.keyword === 'RUN' && !instr.onbuild && previous?.keyword === 'RUN' && !previous.onbuild) {
        const flags = (i: typeof instr) => i.flags.map((f) => `${f.name}=${f.value}`).sort().join(' ');
        const simple = (i: typeof instr) => i.shell().commands.filter((c) => !c.nested).length <= 1;
        if (flags(instr) === flags(previous) && simple(instr) && simple(previous)) hits.push({ line: instr.line, column: instr.column });
      }
      previous = instr;
    }
    return hits;
  },
};
