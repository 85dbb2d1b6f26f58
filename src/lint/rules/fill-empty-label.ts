import type { Rule, RuleHit } from '../rule.js';

export const rule: Rule = {
  id: 'HI608',
  slug: 'fill-empty-label',
  level: 'warning',
  title: 'Label in the label schema is empty',
  fix: 'Give the label a value.',
  aliases: ['DL3051'],
  docs: 'Runs only when `label-schema` is configured: a required label with an empty value carries no information.',
  check(model, { config }) {
    if (Object.keys(config.labelSchema).length === 0) return [];
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'LABEL') continue;
      for (const p of instr.properties) {
        const name = p.name.replace(/^"(.*)"$/, '$1');
        const value = (p.value ?? '').replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
        if (name in config.labelSchema && value.trim() === '') hits.push({ line: instr.line, column: instr.column, message: `label \`${name}\` is empty.` });
      }
    }
    return hits;
  },
};
