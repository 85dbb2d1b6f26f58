import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI607',
  slug: 'drop-unlisted-labels',
  level: 'info',
  title: 'Superfluous label(s) present',
  fix: 'Remove labels that are not in `label-schema`, or add them to it.',
  aliases: ['DL3050'],
  docs: 'Runs only with `strict-labels: true` and a `label-schema`: every label must be one the schema knows.',
  check(model, { config }) {
    if (!config.strictLabels || Object.keys(config.labelSchema).length === 0) return [];
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL') continue;
      const extra = instr.properties.find((p) => !(p.name.replace(/^"(.*)"$/, '$1') in config.labelSchema));
      if (extra) hits.push({ line: instr.line, column: instr.column, message: `Superfluous label(s) present: ${extra.name}` });
    }
    return hits;
  },
};
