import type { AuditRule } from '../types.js';

export const rule: AuditRule = {
  id: 'HI811',
  slug: 'no-empty-password',
  level: 'error',
  title: 'Accounts with an empty password',
  fix: 'Lock the account (`passwd -l <user>`) or remove it.',
  aliases: ['DKL-LI-0001'],
  check(image) {
    const shadow = image.final.get('/etc/shadow');
    if (!shadow?.entry.content) return [];
    return shadow.entry.content
      .split('\n')
      .map((line) => line.split(':'))
      .filter((fields) => fields.length > 1 && fields[0] !== '' && fields[1] === '')
      .map((fields) => ({ message: `user "${fields[0]}" has an empty password in /etc/shadow`, path: '/etc/shadow', layer: shadow.layer }));
  },
};
