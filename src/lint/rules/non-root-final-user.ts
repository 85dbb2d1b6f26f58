import type { Rule, RuleHit } from '../rule.js';
import type { DockerfileModel } from '../model.js';

export function isRootUser(spec: string): boolean {
  const user = spec.trim().replace(/^["']|["']$/g, '').split(':')[0];
  return user === 'root' || user === '0';
}

/** The last USER of a stage, following `FROM <earlier stage>` when the stage sets none. */
function lastUser(model: DockerfileModel, index: number, depth = 0): { text: string; line: number; column: number } | null {
  const stage = model.stages[index];
  if (!stage || depth > 10) return null;
  const users = stage.instructions.filter((i) => i.keyword === 'USER' && !i.onbuild);
  const last = users[users.length - 1];
  if (last) return { text: last.text, line: last.line, column: last.column };
  const parent = model.stages.find((s) => s.name !== null && s.name === stage.image.toLowerCase() && s.index < index);
  const inherited = parent ? lastUser(model, parent.index, depth + 1) : null;
  return inherited ? { ...inherited, line: stage.from.line, column: stage.from.column } : null;
}

export const rule: Rule = {
  id: 'HI202',
  slug: 'non-root-final-user',
  level: 'warning',
  title: 'Last USER should not be root',
  fix: 'End each stage with a non-root `USER`, e.g. `USER 10001:10001`.',
  aliases: ['DL3002', 'DS-0002', 'CKV_DOCKER_8'],
  docs: 'Switching to root for installs is fine, but the last USER of a stage is who its container (and any stage built FROM it) runs as.',
  check(model) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const user = lastUser(model, stage.index);
      if (user && isRootUser(user.text)) hits.push({ line: user.line, column: user.column });
    }
    return hits;
  },
};
