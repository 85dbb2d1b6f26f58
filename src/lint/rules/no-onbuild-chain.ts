import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI703',
  slug: 'no-onbuild-chain',
  level: 'error',
  title: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction',
  fix: 'Remove ONBUILD, FROM and MAINTAINER from ONBUILD triggers.',
  aliases: ['DL3043'],
  docs: 'The builder rejects ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER.',
  check(model) {
    return model.instructions.filter((i) => i.onbuild && ['ONBUILD', 'FROM', 'MAINTAINER'].includes(i.keyword)).map((i) => ({ line: i.line, column: i.column }));
  },
};
