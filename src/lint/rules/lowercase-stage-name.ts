import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI110',
  slug: 'lowercase-stage-name',
  level: 'style',
  title: 'Stage names should be lowercase',
  fix: 'Write the stage name in lower case.',
  aliases: ['StageNameCasing'],
  docs: 'Stage names are case-insensitive; writing them in lower case everywhere avoids `COPY --from` references that look different from their stage.',
  check(model) {
    return model.stages.filter((s) => s.nameWritten && s.nameWritten !== s.nameWritten.toLowerCase() && !s.nameWritten.includes('$')).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
};
