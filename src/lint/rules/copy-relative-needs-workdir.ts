import type { Rule, RuleHit } from '../rule.js';
import { copyPaths } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI406',
  slug: 'copy-relative-needs-workdir',
  level: 'warning',
  title: '`COPY` to a relative destination without `WORKDIR` set',
  fix: 'Set `WORKDIR` before the COPY, or copy to an absolute path.',
  aliases: ['DL3045'],
  docs: "A relative destination lands under the base image's working directory, which the base can change at any release.",
  check(model) {
    const hits: RuleHit[] = [];
    const hasWorkdir = new Map<number, boolean>();
    const byName = new Map(model.stages.filter((s) => s.name).map((s) => [s.name as string, s.index]));
    const relative = (instr: (typeof model.instructions)[number]) => {
      const { dest } = copyPaths(instr);
      if (dest === null) return false;
      const d = dest.replace(/^["']|["']$/g, '');
      return !(d.startsWith('/') || d.startsWith('$') || /^[A-Za-z]:[\\/]/.test(d) || d.startsWith('\\'));
    };
    for (const instr of model.instructions) {
      if (instr.stage === -1 && instr.keyword === 'COPY' && relative(instr)) hits.push({ line: instr.line, column: instr.column });
    }
    for (const stage of model.stages) {
      const parent = byName.get(stage.image.toLowerCase());
      let set = parent !== undefined && parent < stage.index ? (hasWorkdir.get(parent) ?? false) : false;
      let onbuildSet = set;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'WORKDIR') {
          if (instr.onbuild) onbuildSet = true;
          else set = onbuildSet = true;
        }
        if (instr.keyword !== 'COPY' || (instr.onbuild ? onbuildSet : set)) continue;
        if (!relative(instr)) continue;
        hits.push({ line: instr.line, column: instr.column });
      }
      hasWorkdir.set(stage.index, set);
    }
    return hits;
  },
};
