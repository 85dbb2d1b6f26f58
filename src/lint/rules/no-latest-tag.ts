import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI102',
  slug: 'no-latest-tag',
  level: 'warning',
  title: 'Using latest is prone to errors if the image will ever update',
  fix: 'Replace the `latest` tag with a pinned release tag.',
  aliases: ['DL3007', 'DS-0001', 'CKV_DOCKER_7', 'DKL-DI-0006'],
  docs: '`latest` moves with every release: the same Dockerfile builds different images on different days, and a regression or vulnerability arrives silently.',
  check(model) {
    return model.stages.filter((s) => s.tag === 'latest' && !s.digest).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
};
