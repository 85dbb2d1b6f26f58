import type { Rule, RuleHit } from '../rule.js';
import { flagValue } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI404',
  slug: 'copy-from-known-stage',
  level: 'warning',
  title: '`COPY --from` should reference a previously defined `FROM` alias',
  fix: 'Name an earlier stage (`FROM ... AS name`) in `COPY --from=name`, or a full image reference.',
  aliases: ['DL3022'],
  docs: 'An unknown name in `--from` is pulled as an image from Docker Hub: a typo fetches a stranger\'s image into your build.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY') continue;
      const from = flagValue(instr, 'from');
      if (from === null || from.includes('$') || /[:/@.]/.test(from)) continue;
      if (/^\d+$/.test(from)) {
        if (Number(from) >= Math.max(instr.stage, 0) && !instr.onbuild) hits.push({ line: instr.line, column: instr.column, message: `COPY --from=${from} references no earlier stage` });
        continue;
      }
      const known = model.stages.some((s) => s.name === from.toLowerCase() && (s.from.line < instr.line || instr.onbuild));
      if (!known) hits.push({ line: instr.line, column: instr.column, message: `COPY --from=${from} references no earlier stage` });
    }
    return hits;
  },
};
