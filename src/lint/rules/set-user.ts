import type { Edit, Rule } from '../rule.js';
import { finalStage } from './helpers.js';

export const rule: Rule = {
  id: 'HI201',
  slug: 'set-user',
  level: 'warning',
  title: 'The final stage sets no USER, so the container runs as root',
  fix: 'Add `USER 10001:10001` (a numeric non-root user) to the final stage.',
  aliases: ['DS-0002', 'CKV_DOCKER_3', 'CIS-DI-0001'],
  docs: 'Without USER the process runs as root; a bug in the app is then a root shell in the container, one kernel bug away from the host. A numeric uid:gid needs no /etc/passwd entry and is checkable by `runAsNonRoot`.',
  check(model) {
    const stage = finalStage(model);
    if (!stage || stage.image.toLowerCase() === 'scratch' && stage.instructions.length <= 1) return [];
    const ancestors = new Map(model.stages.filter((s) => s.name).map((s) => [s.name as string, s]));
    // A stage built FROM an earlier stage inherits that stage's USER.
    let current: typeof stage | undefined = stage;
    for (let depth = 0; current && depth < 10; depth++) {
      if (current.instructions.some((i) => i.keyword === 'USER' && !i.onbuild)) return [];
      current = ancestors.get(current.image.toLowerCase());
      if (current === stage) break;
    }
    return [{ line: stage.from.line, column: stage.from.column }];
  },
  fixer(model) {
    const stage = finalStage(model);
    if (!stage || stage.image.toLowerCase() === 'scratch') return [];
    if (stage.instructions.some((i) => i.keyword === 'USER')) return [];
    const anchor = stage.instructions.find((i) => !i.onbuild && (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT'));
    if (anchor) {
      const lineStart = model.lineStarts[anchor.line - 1];
      return [{ start: lineStart, end: lineStart, text: 'USER 10001:10001\n' } satisfies Edit];
    }
    const last = stage.instructions[stage.instructions.length - 1];
    const end = model.lineStarts[last.endLine] ?? model.text.length;
    const needsNewline = end > 0 && model.text[end - 1] !== '\n';
    return [{ start: end, end, text: `${needsNewline ? '\n' : ''}USER 10001:10001\n` }];
  },
};
