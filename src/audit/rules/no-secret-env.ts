import type { AuditRule } from '../types.js';
import { secretEnv } from '../secrets.js';

export const rule: AuditRule = {
  id: 'HI805',
  slug: 'no-secret-env',
  level: 'error',
  title: 'Secret-looking environment variables',
  fix: 'Remove the ENV; pass the value at run time (an orchestrator secret) or at build time with `RUN --mount=type=secret`.',
  aliases: ['CIS-DI-0010'],
  check(image) {
    const hits = [];
    for (const pair of image.config.Env ?? []) {
      const at = pair.indexOf('=');
      const key = at < 0 ? pair : pair.slice(0, at);
      const value = at < 0 ? '' : pair.slice(at + 1);
      const why = secretEnv(key, value);
      if (why) hits.push({ message: `ENV ${key} is baked into the image config: ${why}; anyone who can pull the image reads it` });
    }
    return hits;
  },
};
