import type { AuditRule } from '../types.js';

export const rule: AuditRule = {
  id: 'HI808',
  slug: 'add-healthcheck',
  level: 'info',
  title: 'No HEALTHCHECK',
  fix: 'Add a HEALTHCHECK that works in the final base (no curl in distroless: use the runtime, e.g. `node healthcheck.js`).',
  aliases: ['CIS-DI-0006'],
  check(image) {
    const test = image.config.Healthcheck?.Test;
    if (test && test.length > 0 && test[0] !== 'NONE') return [];
    return [{ message: test?.[0] === 'NONE' ? 'the health check is disabled (HEALTHCHECK NONE)' : 'the image has no HEALTHCHECK, so the engine cannot tell a hung app from a healthy one' }];
  },
};
