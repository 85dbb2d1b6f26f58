import type { Rule } from '../rule.js';
import { copyPaths, flagValue } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI407',
  slug: 'no-copy-whole-filesystem',
  level: 'warning',
  title: 'Do not copy an entire filesystem from another stage',
  fix: 'Copy only the files the stage needs from the other stage, not `/`.',
  aliases: ['DL3067'],
  docs: 'Copying `/` brings the whole build toolchain (and its vulnerabilities) into the image, defeating the multi-stage build.',
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === 'COPY' && flagValue(i, 'from') !== null && copyPaths(i).sources.some((s) => /^["']?\/\.?["']?$/.test(s)) && /^["']?\/\.?["']?$/.test(copyPaths(i).dest ?? ''))
      .map((i) => ({ line: i.line, column: i.column }));
  },
};
