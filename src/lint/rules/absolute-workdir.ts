import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI702',
  slug: 'absolute-workdir',
  level: 'error',
  title: 'Use absolute WORKDIR',
  fix: 'Give WORKDIR an absolute path (e.g. `/app`).',
  aliases: ['DL3000', 'DS-0009', 'CKV_DOCKER_10', 'WorkdirRelativePath'],
  docs: "A relative WORKDIR is resolved against the previous one, which comes from the base image and can change at any release.",
  check(model) {
    return model.instructions
      .filter((i) => i.keyword === 'WORKDIR')
      .filter((i) => {
        const dir = i.text.trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
        return dir !== '' && !dir.startsWith('/') && !dir.startsWith('$') && !/^[A-Za-z]:[\\/]/.test(dir) && !dir.startsWith('\\');
      })
      .map((i) => ({ line: i.line, column: i.column }));
  },
};
