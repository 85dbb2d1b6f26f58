import type { Rule } from '../rule.js';

const RESERVED = new Set(['scratch', 'context']);

export const rule: Rule = {
  id: 'HI108',
  slug: 'non-reserved-stage-name',
  level: 'warning',
  title: 'Stage name should not be a reserved word',
  fix: 'Rename the stage: `scratch` and `context` have special meanings.',
  aliases: ['DL3063', 'ReservedStageName'],
  docs: '`scratch` names the empty image and `context` the build context; a stage called so is shadowed or shadows them.',
  check(model) {
    return model.stages.filter((s) => s.name && RESERVED.has(s.name)).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
};
