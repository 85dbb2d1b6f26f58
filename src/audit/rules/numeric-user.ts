import type { AuditRule } from '../types.js';
import { configUser } from './helpers.js';

export const rule: AuditRule = {
  id: 'HI802',
  slug: 'numeric-user',
  level: 'warning',
  title: 'The image user is a name, not a uid',
  fix: 'Give USER as numbers, e.g. `USER 10001:10001`, so runtimes (Kubernetes runAsNonRoot) can verify it is not root.',
  aliases: [],
  check(image) {
    const user = configUser(image);
    if (user === '') return [];
    const [name, group] = user.split(':');
    if (name === 'root' || name === '0') return [];
    const numeric = /^\d+$/.test(name) && (group === undefined || /^\d+$/.test(group));
    if (numeric) return [];
    const passwd = image.final.get('/etc/passwd')?.entry.content;
    const known = passwd?.split('\n').find((line) => line.split(':')[0] === name);
    const uid = known?.split(':')[2];
    const hint = uid ? ` (uid ${uid} in /etc/passwd)` : passwd && !/^\d+$/.test(name) ? ' and /etc/passwd does not define it' : '';
    return [{ message: `the image runs as user "${user}" by name${hint}: a name cannot be checked for root before the container starts`, fix: uid ? `Use \`USER ${uid}:${known?.split(':')[3] ?? uid}\` instead of \`USER ${user}\`.` : undefined }];
  },
};
