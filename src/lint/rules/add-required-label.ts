import type { Rule } from '../rule.js';
import { finalStage } from './helpers.js';
import { finalLabels } from './label-shared.js';

export const rule: Rule = {
  id: 'HI606',
  slug: 'add-required-label',
  level: 'info',
  title: 'Label required by the label schema is missing',
  fix: 'Add every label named in `label-schema` to the final stage.',
  aliases: ['DL3049'],
  docs: 'Runs only when `label-schema` is configured: the labels your organisation requires (owner, source, revision...) must be on every image.',
  check(model, { config }) {
    const required = Object.keys(config.labelSchema);
    const stage = finalStage(model);
    if (required.length === 0 || !stage) return [];
    const present = new Set(finalLabels(model).map((l) => l.name));
    return required.filter((name) => !present.has(name)).map((name) => ({ line: stage.from.line, column: stage.from.column, message: `Label \`${name}\` is missing.` }));
  },
};
