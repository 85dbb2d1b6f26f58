import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI107',
  slug: 'unique-stage-names',
  level: 'error',
  title: 'FROM aliases (stage names) must be unique',
  fix: 'Give every build stage a distinct name.',
  aliases: ['DL3024', 'DS-0012', 'CKV_DOCKER_11', 'DuplicateStageName'],
  docs: 'Two stages with one name make `COPY --from` and `--target` ambiguous; the builder rejects it.',
  check(model) {
    const seen = new Set<string>();
    const hits = [];
    for (const stage of model.stages) {
      if (!stage.name) continue;
      if (seen.has(stage.name)) hits.push({ line: stage.from.line, column: stage.from.column, message: `Duplicate stage name "${stage.nameWritten}"` });
      seen.add(stage.name);
    }
    return hits;
  },
};
