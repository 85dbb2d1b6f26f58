import type { AuditRule } from '../types.js';
import { configUser } from './helpers.js';

const USES = 'uid:gid';

/** The `uid:gid` a HI802 message names from the image's /etc/passwd, or null when it names none. */
export function numericUserFromMessage(message: string): string | null {
  return new RegExp(`\\(${USES} (\\d+:\\d+) in /etc/passwd\\)`).exec(message)?.[1] ?? null;
}

function groupId(groups: string | undefined, name: string): string | undefined {
  return groups?.split('\n').find((line) => line.split(':')[0] === name)?.split(':')[2];
}

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
    const uid = /^\d+$/.test(name) ? name : known?.split(':')[2];
    const gid = group === undefined ? known?.split(':')[3] : /^\d+$/.test(group) ? group : groupId(image.final.get('/etc/group')?.entry.content, group);
    const hint = uid && gid ? ` (${USES} ${uid}:${gid} in /etc/passwd)` : passwd && !known && !/^\d+$/.test(name) ? ' and /etc/passwd does not define it' : '';
    return [{ message: `the image runs as user "${user}" by name${hint}: a name cannot be checked for root before the container starts`, fix: uid && gid ? `Use \`USER ${uid}:${gid}\` instead of \`USER ${user}\`.` : undefined }];
  },
};
