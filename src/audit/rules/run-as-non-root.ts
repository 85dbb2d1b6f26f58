import type { AuditRule } from '../types.js';
import { configUser } from './helpers.js';

export const rule: AuditRule = {
  id: 'HI801',
  slug: 'run-as-non-root',
  level: 'error',
  title: 'The image runs as root',
  fix: 'End the final stage with a numeric non-root user, e.g. `USER 10001:10001`.',
  aliases: ['CIS-DI-0001'],
  check(image) {
    const user = configUser(image);
    const name = user.split(':')[0];
    if (name === '' || name === 'root' || name === '0') {
      return [{ message: user === '' ? 'the image sets no USER, so its processes run as root' : `the image runs as ${user}, which is root` }];
    }
    return [];
  },
};
