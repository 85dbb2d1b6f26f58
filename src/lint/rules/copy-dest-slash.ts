import type { Rule } from '../rule.js';
import { copyPaths } from './copy-shared.js';

export const rule: Rule = {
  id: 'HI403',
  slug: 'copy-dest-slash',
  level: 'error',
  title: 'COPY with more than 2 arguments requires the last argument to end with /',
  fix: 'End the COPY destination with `/` when copying several sources.',
  aliases: ['DL3021', 'DS-0011'],
  docs: 'With several sources the destination must be a directory; the builder rejects it otherwise.',
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === 'COPY')
      .filter((i) => {
        const { sources, dest } = copyPaths(i);
        return sources.length > 1 && dest !== null && !dest.replace(/["']$/, '').endsWith('/') && !dest.endsWith('\\');
      })
      .map((i) => ({ line: i.line, column: i.column }));
  },
};
