import type { Rule } from '../rule.js';

export const rule: Rule = {
  id: 'HI105',
  slug: 'no-from-platform-flag',
  level: 'warning',
  title: 'Do not use --platform flag with FROM',
  fix: 'Remove the constant `--platform` from FROM and pass `--platform` to `docker build` instead.',
  aliases: ['DL3029', 'FromPlatformFlagConstDisallowed'],
  docs: 'A hard-coded platform makes the Dockerfile build the wrong architecture on other machines. Variables such as `$BUILDPLATFORM` are fine: they are how cross-compiling stages are written.',
  check(model) {
    return model.stages.filter((s) => s.platform !== null && !s.platform.includes('$')).map((s) => ({ line: s.from.line, column: s.from.column }));
  },
};
