import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI001',
  slug: 'no-inline-ignore-pragmas',
  level: 'off',
  title: 'Inline ignore pragma used',
  fix: 'Move the ignored rule into the config file instead of an inline `# hadolint ignore=` comment.',
  aliases: ['DL1001'],
  docs: 'Off by default. Teams that want every exception in one reviewed place switch it on (e.g. `override: {style: [DL1001]}`) to flag inline ignore comments.',
  check(model) {
    return model.comments.filter((c) => /^(hadolint|harden-init)\s+((global|stage)\s+)?ignore\s*=/i.test(c.text.trim())).map((c) => ({ line: c.line }));
  },
};
