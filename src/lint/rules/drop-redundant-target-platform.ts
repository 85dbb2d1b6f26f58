import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI106',
  slug: 'drop-redundant-target-platform',
  level: 'warning',
  title: 'Setting FROM --platform to $TARGETPLATFORM is redundant',
  fix: 'Remove `--platform=$TARGETPLATFORM` from FROM: it is the default.',
  aliases: ['DL3065', 'RedundantTargetPlatform'],
  docs: 'Stages already build for the target platform; spelling it out adds noise and hides the stages that really differ (those using $BUILDPLATFORM).',
  check(model) {
    return model.stages.filter((s) => s.platform !== null && /^\$\{?TARGETPLATFORM\}?$/.test(s.platform.replace(/^["']|["']$/g, ''))).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
};
