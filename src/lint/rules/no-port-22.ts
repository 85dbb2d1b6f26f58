import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI336',
  slug: 'no-port-22',
  level: 'warning',
  title: 'Port 22 (SSH) is exposed',
  fix: 'Remove `EXPOSE 22`: use `docker exec` instead of an SSH server in the container.',
  aliases: ['DS-0004', 'CKV_DOCKER_1'],
  docs: 'An SSH daemon in a container is a second way in, with its own keys to manage and leak; `docker exec` and `kubectl exec` need none.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword === 'EXPOSE' && instr.args.some((a) => /^22(\/tcp)?$/i.test(a))) hits.push({ line: instr.line, column: instr.column });
    }
    return hits;
  },
};
