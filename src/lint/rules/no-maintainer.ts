import type { Edit, Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI701',
  slug: 'no-maintainer',
  level: 'error',
  title: 'MAINTAINER is deprecated',
  fix: 'Replace `MAINTAINER name` with `LABEL org.opencontainers.image.authors="name"`.',
  aliases: ['DL4000', 'DS-0022', 'CKV_DOCKER_6', 'MaintainerDeprecated'],
  docs: 'MAINTAINER was deprecated in Docker 1.13; a label is visible to `docker inspect` and tools that read OCI annotations.',
  check(model) {
    return model.instructions.filter((i) => i.keyword === 'MAINTAINER').map((i) => ({ line: i.line, column: i.column }));
  },
  fixer(model) {
    const edits: Edit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER' || instr.onbuild || instr.line !== instr.endLine) continue;
      const value = instr.text.trim().replace(/^"(.*)"$/, '$1');
      const start = instr.start + instr.column - 1;
      const end = instr.rawStart + instr.raw.replace(/\s+$/, '').length;
      edits.push({ start, end, text: `LABEL org.opencontainers.image.authors=${JSON.stringify(value)}` });
    }
    return edits;
  },
};
